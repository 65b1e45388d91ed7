package org.jgrub.core.x86;

import static org.jgrub.core.memory.MemoryLayout.GIB;
import static org.jgrub.core.memory.MemoryLayout.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.HeapGuestMemory;
import org.junit.jupiter.api.Test;

class PageTablesTest {
    private static VcpuState pagingState(long cr3, long cr4, long efer) {
        return VcpuState.builder().set(Register.CR0, Cr0.PE | Cr0.PG).set(Register.CR3, cr3).set(Register.CR4, cr4)
                .set(Register.EFER, efer).build();
    }

    @Test
    void seedTablesAliasTheFirstGibEverywhere() throws Exception {
        try (HeapGuestMemory m = HeapGuestMemory.ofSize(64 * MIB)) {
            PageTables.firstGibEverywhere(GuestAddress.of(0x2000), GuestAddress.of(0x3000), GuestAddress.of(0x4000))
                    .write(m);
            PageTableWalker w = new PageTableWalker(m, pagingState(0x2000, Cr4.PAE, Efer.LME | Efer.LMA));
            assertEquals(0xf0000L, w.translate(0xf0000).getAsLong());
            assertEquals(0x3fffffffL, w.translate(0x3fffffffL).getAsLong());
            assertEquals(0x123456L, w.translate(GIB + 0x123456).getAsLong(), "every GiB aliases the first");
            assertEquals(0x10L, w.translate(0xffff_8000_0000_0010L).getAsLong());
        }
    }

    @Test
    void identityTablesMapExactlyTheRangeAsked() throws Exception {
        PageTables t = PageTables.identity(GuestAddress.of(0x9000), 5 * GIB);
        assertEquals(1 + 1 + 5, t.tables().size(), "PML4, one PDPT, five PDs");
        assertEquals(7 * 4096, t.footprint());
        try (HeapGuestMemory m = HeapGuestMemory.ofSize(16 * MIB)) {
            t.write(m);
            PageTableWalker w = new PageTableWalker(m, pagingState(0x9000, Cr4.PAE, Efer.LME));
            for (long a : new long[] {0, 0xf0000, 0x1234567, 3 * GIB + 5, 5 * GIB - 1}) {
                assertEquals(a, w.translate(a).getAsLong());
            }
            assertTrue(w.translate(5 * GIB).isEmpty());
            assertTrue(w.translate(1L << 40).isEmpty());
        }
    }

    @Test
    void walksLegacyAndPaePaging() throws Exception {
        try (HeapGuestMemory m = HeapGuestMemory.ofSize(16 * MIB)) {
            // 32-bit paging: PDE 0 -> page table at 0x3000 mapping linear 0xf0000 to 0x7f0000; PDE 1 a 4 MiB page.
            m.writeU32(GuestAddress.of(0x2000), 0x3000 | 3);
            m.writeU32(GuestAddress.of(0x2004), 0x800000 | 0x83);
            m.writeU32(GuestAddress.of(0x3000 + (0xf0 << 2)), 0x7f0000 | 3);
            PageTableWalker legacy = new PageTableWalker(m, pagingState(0x2000, Cr4.PSE, 0));
            assertEquals(0x7f0123L, legacy.translate(0xf0123).getAsLong());
            assertEquals(0x800000L + 0x1234, legacy.translate(0x400000 + 0x1234).getAsLong());
            assertTrue(legacy.translate(0x1000).isEmpty());
            // PAE: PDPT at 0x5000, PD at 0x6000 with a 2 MiB page at 0.
            m.writeU64(GuestAddress.of(0x5000), 0x6000 | 1);
            m.writeU64(GuestAddress.of(0x6000), 0x83);
            PageTableWalker pae = new PageTableWalker(m, pagingState(0x5000, Cr4.PAE, 0));
            assertEquals(0xf0000L, pae.translate(0xf0000).getAsLong());
            assertTrue(pae.translate(GIB).isEmpty());
        }
    }

    @Test
    void tablesOutsideRamMapNothing() throws Exception {
        try (HeapGuestMemory m = HeapGuestMemory.ofSize(4 * MIB)) {
            m.writeU64(GuestAddress.of(0x2000), 0x7_0000_0000L | 7); // PML4[0] points beyond RAM
            PageTableWalker w = new PageTableWalker(m, pagingState(0x2000, Cr4.PAE, Efer.LME));
            assertTrue(w.translate(0).isEmpty());
            assertTrue(new PageTableWalker(m, pagingState(0x7_0000_0000L, Cr4.PAE, Efer.LME)).translate(0).isEmpty());
        }
    }
}
