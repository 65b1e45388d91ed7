package org.jgrub.core.disk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;
import org.junit.jupiter.api.Test;

/** A Partition is a bounded view: offsets count from its start and nothing past its end is read. */
class PartitionTest {
    private static ByteDevice disk() {
        byte[] b = new byte[4096];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i / 16);
        }
        return new ByteDevice("hd0", b);
    }

    @Test
    void readsRelativeToItsStart() throws JgrubException {
        Partition p = Partition.of(disk(), new PartitionEntry("msdos", 1, 1024, 1024, "0x83", ""), 446);
        assertEquals("hd0,msdos1", p.name());
        assertArrayEquals(disk().read(1024 + 1008, 16), p.read(1008, 16));
    }

    @Test
    void readPastItsEndFailsEvenInsideTheDisk() throws JgrubException {
        Partition p = Partition.of(disk(), new PartitionEntry("msdos", 1, 1024, 1024, "0x83", ""), 446);
        JgrubException e = assertThrows(JgrubException.class, () -> p.read(1020, 8));
        assertTrue(e.getMessage().contains("hd0,msdos1") && e.getMessage().contains("1020"), e.getMessage());
        assertThrows(JgrubException.class, () -> p.read(1024, 1));
        assertThrows(JgrubException.class, () -> p.read(-1, 1));
        assertThrows(JgrubException.class, () -> p.read(Long.MAX_VALUE, 1));
    }

    @Test
    void nestedViewIsBoundedByItsParent() throws JgrubException {
        Partition slice = Partition.of(disk(), new PartitionEntry("msdos", 2, 1024, 2048, "0xa5", ""), 462);
        Partition bsd = Partition.of(slice, new PartitionEntry("bsd", 1, 512, 512, "0x07", ""), 660);
        assertEquals("hd0,msdos2,bsd1", bsd.name());
        assertArrayEquals(disk().read(1536, 512), bsd.read(0, 512));
        assertThrows(JgrubException.class, () -> bsd.read(1, 512));
        CorruptStructureException e = assertThrows(CorruptStructureException.class,
                () -> Partition.of(slice, new PartitionEntry("bsd", 2, 1536, 1024, "0x07", ""), 676));
        assertEquals("hd0,msdos2 bsd partition 2 at byte 676: bytes [1536, +1024) do not fit in the 2048-byte device",
                e.getMessage());
    }
}
