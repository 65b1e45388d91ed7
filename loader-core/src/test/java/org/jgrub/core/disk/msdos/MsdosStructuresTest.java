package org.jgrub.core.disk.msdos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sizes and field offsets of the MBR structures, against the PC partition table layout. */
class MsdosStructuresTest {
    @Test
    void sizes() {
        assertEquals(16, MbrPartitionEntry.SIZE);
        assertEquals(512, BootRecord.SIZE);
        // table of four slots followed directly by the two signature bytes
        assertEquals(BootRecord.SIGNATURE_OFFSET, BootRecord.TABLE_OFFSET + BootRecord.ENTRIES * MbrPartitionEntry.SIZE);
        assertEquals(BootRecord.SIZE, BootRecord.SIGNATURE_OFFSET + 2);
    }

    @Test
    void parsesSlotFields() {
        byte[] s = new byte[512];
        int at = BootRecord.entryOffset(1);
        s[at] = (byte) 0x80;
        s[at + 4] = (byte) 0x83;
        s[at + 8] = 0x00; s[at + 9] = 0x08; // 2048
        s[at + 12] = (byte) 0xff; s[at + 13] = (byte) 0xff; s[at + 14] = (byte) 0xff; s[at + 15] = (byte) 0xff;
        s[510] = 0x55;
        s[511] = (byte) 0xaa;
        BootRecord r = BootRecord.parse(s);
        assertTrue(r.hasSignature());
        MbrPartitionEntry e = r.entries().get(1);
        assertEquals(new MbrPartitionEntry(0x80, 0x83, 2048, 0xffffffffL), e);
        assertEquals("0x83", e.typeText());
        assertTrue(r.entries().get(0).isEmpty());
        assertEquals(-1, r.firstBadBootFlag());
        s[BootRecord.entryOffset(3)] = 0x41;
        assertEquals(3, BootRecord.parse(s).firstBadBootFlag());
        assertFalse(new MbrPartitionEntry(0, 0x83, 1, 0).isExtended());
        assertTrue(new MbrPartitionEntry(0, 0x83, 1, 0).isEmpty());
        for (int t : new int[] {0x05, 0x0f, 0x85}) {
            assertTrue(new MbrPartitionEntry(0, t, 1, 1).isExtended());
        }
    }
}
