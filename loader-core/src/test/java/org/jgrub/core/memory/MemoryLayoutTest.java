package org.jgrub.core.memory;

import static org.jgrub.core.memory.MemoryLayout.GIB;
import static org.jgrub.core.memory.MemoryLayout.KIB;
import static org.jgrub.core.memory.MemoryLayout.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** bhyve's layout (vmmapi.c: lowmem_limit 3 GiB, the rest from 4 GiB) and the e820 map grub-bhyve derives. */
class MemoryLayoutTest {
    @Test
    void smallVmIsAllLowMemory() {
        MemoryLayout l = MemoryLayout.bhyve(128 * MIB);
        assertEquals(List.of(new GuestRegion(GuestAddress.ZERO, 128 * MIB)), l.regions());
        assertEquals(0, l.highmemSize());
    }

    @Test
    void largeVmSplitsAtThreeGibAndResumesAtFour() {
        MemoryLayout l = MemoryLayout.bhyve(5 * GIB);
        assertEquals(List.of(new GuestRegion(GuestAddress.ZERO, 3 * GIB), new GuestRegion(GuestAddress.of(4 * GIB), 2 * GIB)),
                l.regions());
        assertEquals(3 * GIB + 5, l.fileOffset(GuestAddress.of(4 * GIB + 5)));
        assertEquals(3 * GIB - 1, l.fileOffset(GuestAddress.of(3 * GIB - 1)));
        assertThrows(IllegalArgumentException.class, () -> l.fileOffset(GuestAddress.of(3 * GIB)));
        assertThrows(IllegalArgumentException.class, () -> l.fileOffset(GuestAddress.of(6 * GIB)));
    }

    @Test
    void exactlyThreeGibHasNoHighMemory() {
        assertEquals(1, MemoryLayout.bhyve(3 * GIB).regions().size());
    }

    @Test
    void e820FollowsGrubBhyve() {
        assertEquals(List.of(
                new E820Entry(GuestAddress.ZERO, 640 * KIB, E820Entry.Type.RAM),
                new E820Entry(GuestAddress.of(MIB), 127 * MIB, E820Entry.Type.RAM)),
                MemoryMap.of(MemoryLayout.bhyve(128 * MIB)).entries());
        assertEquals(List.of(
                new E820Entry(GuestAddress.ZERO, 640 * KIB, E820Entry.Type.RAM),
                new E820Entry(GuestAddress.of(MIB), 3 * GIB - MIB, E820Entry.Type.RAM),
                new E820Entry(GuestAddress.of(4 * GIB), GIB, E820Entry.Type.RAM)),
                MemoryMap.of(MemoryLayout.bhyve(4 * GIB)).entries());
    }

    @Test
    void e820EntryIsTwentyPackedBytes() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(E820Entry.SIZE);
        new E820Entry(GuestAddress.of(0x100000), 0x7f00000, E820Entry.Type.RAM).encode(b);
        assertEquals(E820Entry.SIZE, b.position());
        assertEquals("00001000000000000000f0070000000001000000", java.util.HexFormat.of().formatHex(b.array()));
    }
}
