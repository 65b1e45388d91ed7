package org.jgrub.core.x86;

import static org.jgrub.core.x86.PageTableEntry.ENTRIES;
import static org.jgrub.core.x86.PageTableEntry.HUGE_PAGE;
import static org.jgrub.core.x86.PageTableEntry.LARGE_PAGE;
import static org.jgrub.core.x86.PageTableEntry.PAGE_SIZE;
import static org.jgrub.core.x86.PageTableEntry.PG_PS;
import static org.jgrub.core.x86.PageTableEntry.PG_RW;
import static org.jgrub.core.x86.PageTableEntry.PG_U;
import static org.jgrub.core.x86.PageTableEntry.PG_V;

import java.util.ArrayList;
import java.util.List;
import org.jgrub.core.error.GuestMemoryException;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.GuestMemory;

/**
 * 4-level identity page tables with 2 MiB pages, built as plain data and then written to guest
 * memory. {@link #root()} is what goes into CR3.
 */
public record PageTables(GuestAddress root, List<Table> tables) {
    /** Flags of every entry that points to a next-level table (the seed's PG_V | PG_RW | PG_U). */
    public static final long TABLE_FLAGS = PG_V | PG_RW | PG_U;
    /** Flags of every 2 MiB leaf. */
    public static final long LEAF_FLAGS = PG_V | PG_RW | PG_PS | PG_U;

    /** One 4 KiB table of 512 entries at a guest address. */
    public record Table(GuestAddress address, long[] entries) {
        public Table {
            if (entries.length != ENTRIES || !address.isAligned(PAGE_SIZE)) {
                throw new IllegalArgumentException("a page table is 512 entries on a 4 KiB boundary");
            }
            entries = entries.clone();
        }

        @Override
        public long[] entries() {
            return entries.clone();
        }
    }

    public PageTables {
        tables = List.copyOf(tables);
    }

    /**
     * The layout of the seed's listing 3 and of bhyveload's userboot: one PML4, one PDPT and one PD,
     * every PML4 entry pointing to the PDPT and every PDPT entry to the PD, whose 512 entries map
     * the first GiB in 2 MiB pages. Every 1 GiB of linear space therefore aliases physical
     * {@code [0, 1 GiB)}; linear {@code [0, 1 GiB)} is an identity map.
     */
    public static PageTables firstGibEverywhere(GuestAddress pml4, GuestAddress pdpt, GuestAddress pd) {
        long[] l4 = new long[ENTRIES];
        long[] l3 = new long[ENTRIES];
        long[] l2 = new long[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            l4[i] = pdpt.value() | TABLE_FLAGS;
            l3[i] = pd.value() | TABLE_FLAGS;
            l2[i] = i * LARGE_PAGE | LEAF_FLAGS;
        }
        return new PageTables(pml4, List.of(new Table(pml4, l4), new Table(pdpt, l3), new Table(pd, l2)));
    }

    /**
     * An exact identity map of linear {@code [0, bytes)} (rounded up to 1 GiB) in 2 MiB pages:
     * the PML4 at {@code base}, then one PDPT per 512 GiB, then one PD per GiB, consecutively.
     * Addresses beyond the mapped range fault rather than alias.
     */
    public static PageTables identity(GuestAddress base, long bytes) {
        if (!base.isAligned(PAGE_SIZE) || bytes <= 0) {
            throw new IllegalArgumentException("identity tables need a 4 KiB aligned base and a positive size");
        }
        long gibs = Math.max(1, (bytes + HUGE_PAGE - 1) / HUGE_PAGE);
        int pdpts = (int) ((gibs + ENTRIES - 1) / ENTRIES);
        if (pdpts > ENTRIES) {
            throw new IllegalArgumentException("identity map larger than 256 TiB");
        }
        List<Table> out = new ArrayList<>();
        long[] l4 = new long[ENTRIES];
        GuestAddress next = base.plus(PAGE_SIZE);
        GuestAddress firstPd = next.plus(pdpts * PAGE_SIZE);
        List<Table> l3s = new ArrayList<>();
        List<Table> l2s = new ArrayList<>();
        for (int p = 0; p < pdpts; p++) {
            GuestAddress pdptAddr = next.plus(p * PAGE_SIZE);
            l4[p] = pdptAddr.value() | TABLE_FLAGS;
            long[] l3 = new long[ENTRIES];
            for (int g = 0; g < ENTRIES && (long) p * ENTRIES + g < gibs; g++) {
                long gib = (long) p * ENTRIES + g;
                GuestAddress pdAddr = firstPd.plus(gib * PAGE_SIZE);
                l3[g] = pdAddr.value() | TABLE_FLAGS;
                long[] l2 = new long[ENTRIES];
                for (int i = 0; i < ENTRIES; i++) {
                    l2[i] = (gib * HUGE_PAGE + i * LARGE_PAGE) | LEAF_FLAGS;
                }
                l2s.add(new Table(pdAddr, l2));
            }
            l3s.add(new Table(pdptAddr, l3));
        }
        out.add(new Table(base, l4));
        out.addAll(l3s);
        out.addAll(l2s);
        return new PageTables(base, out);
    }

    /** Bytes from the lowest to the end of the highest table. */
    public long footprint() {
        long lo = Long.MAX_VALUE;
        long hi = 0;
        for (Table t : tables) {
            lo = Math.min(lo, t.address().value());
            hi = Math.max(hi, t.address().value() + PAGE_SIZE);
        }
        return hi - lo;
    }

    public void write(GuestMemory memory) throws GuestMemoryException {
        for (Table t : tables) {
            java.nio.ByteBuffer w = memory.window(t.address(), (int) PAGE_SIZE);
            for (long e : t.entries) {
                w.putLong(e);
            }
        }
    }
}
