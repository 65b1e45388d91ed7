package org.jgrub.core.disk.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Sizes and encodings of the GPT structures, against the UEFI specification's tables. */
class GptStructuresTest {
    @Test
    void sizes() {
        assertEquals(92, GptHeader.SIZE);
        assertEquals(128, GptEntry.SIZE);
        assertEquals(16, Guid.SIZE);
        // name field: 36 UTF-16 code units at byte 56, ending the 128-byte entry
        assertEquals(GptEntry.SIZE, 56 + GptEntry.NAME_BYTES);
        assertEquals("EFI PART", new String(new byte[] {0x45, 0x46, 0x49, 0x20, 0x50, 0x41, 0x52, 0x54},
                StandardCharsets.US_ASCII));
        byte[] sig = "EFI PART".getBytes(StandardCharsets.US_ASCII);
        assertEquals(GptHeader.SIGNATURE, GptHeader.u64(sig, 0));
    }

    @Test
    void guidIsMixedEndian() {
        // UEFI spec: the EFI System Partition type C12A7328-F81F-11D2-BA4B-00A0C93EC93B is stored as
        // 28 73 2A C1 1F F8 D2 11 BA 4B 00 A0 C9 3E C9 3B
        byte[] b = {0x28, 0x73, 0x2a, (byte) 0xc1, 0x1f, (byte) 0xf8, (byte) 0xd2, 0x11,
            (byte) 0xba, 0x4b, 0x00, (byte) 0xa0, (byte) 0xc9, 0x3e, (byte) 0xc9, 0x3b};
        Guid g = Guid.parse(b, 0);
        assertEquals("c12a7328-f81f-11d2-ba4b-00a0c93ec93b", g.toString());
        assertEquals(g, Guid.fromText("C12A7328-F81F-11D2-BA4B-00A0C93EC93B"));
        assertTrue(Guid.parse(new byte[16], 0).isZero());
    }

    @Test
    void entryNameStopsAtNul() {
        byte[] e = new byte[128];
        byte[] name = "root fs".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, e, 56, name.length);
        e[32] = 0x22;
        e[40] = 0x33;
        GptEntry g = GptEntry.parse(e, 0);
        assertEquals("root fs", g.name());
        assertEquals(0x22, g.firstLba());
        assertEquals(0x33, g.lastLba());
        assertTrue(g.isUnused());
        byte[] full = new byte[128];
        byte[] longName = "abcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(longName, 0, full, 56, 72);
        assertEquals("abcdefghijklmnopqrstuvwxyz0123456789", GptEntry.parse(full, 0).name());
    }
}
