package org.jgrub.core.x86;

import static org.jgrub.core.x86.PageTableEntry.PG_FRAME;
import static org.jgrub.core.x86.PageTableEntry.PG_PS;
import static org.jgrub.core.x86.PageTableEntry.PG_V;

import org.jgrub.core.error.GuestMemoryException;
import org.jgrub.core.error.UnsupportedFeatureException;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.GuestMemory;

/**
 * Translates a linear address the way the CPU would under a given {@link VcpuState}, reading the
 * guest's own page tables from guest memory (Intel SDM vol. 3, chapter 4): no paging, 32-bit
 * paging (4 MiB pages with CR4.PSE), PAE paging, and 4-level paging. Used to prove that a
 * state can be reproduced, e.g. that code outside the guest is reachable once CR3 is live.
 */
public final class PageTableWalker {
    private final GuestMemory memory;
    private final long cr0;
    private final long cr3;
    private final long cr4;
    private final long efer;

    public PageTableWalker(GuestMemory memory, VcpuState state) {
        this.memory = memory;
        this.cr0 = state.valueOr(Register.CR0, 0);
        this.cr3 = state.valueOr(Register.CR3, 0);
        this.cr4 = state.valueOr(Register.CR4, 0);
        this.efer = state.valueOr(Register.EFER, 0);
    }

    /**
     * The physical address {@code linear} maps to, or empty when it is not mapped (an entry not
     * present, or a table outside guest RAM).
     */
    public java.util.OptionalLong translate(long linear) throws UnsupportedFeatureException {
        if ((cr0 & Cr0.PG) == 0) {
            return java.util.OptionalLong.of(linear & 0xffff_ffffL);
        }
        try {
            if ((cr4 & Cr4.PAE) == 0) {
                return legacy(linear & 0xffff_ffffL);
            }
            if ((efer & Efer.LME) == 0) {
                return pae(linear & 0xffff_ffffL);
            }
            if ((cr4 & Cr4.LA57) != 0) {
                throw new UnsupportedFeatureException("5-level paging (CR4.LA57) is not supported");
            }
            return fourLevel(linear);
        } catch (GuestMemoryException outsideRam) {
            return java.util.OptionalLong.empty();
        }
    }

    private java.util.OptionalLong legacy(long linear) throws GuestMemoryException {
        long pde = memory.readU32(GuestAddress.of((cr3 & 0xffff_f000L) + ((linear >>> 22) << 2)));
        if ((pde & PG_V) == 0) {
            return java.util.OptionalLong.empty();
        }
        if ((pde & PG_PS) != 0 && (cr4 & Cr4.PSE) != 0) {
            return java.util.OptionalLong.of((pde & 0xffc0_0000L) | (linear & 0x3f_ffffL));
        }
        long pte = memory.readU32(GuestAddress.of((pde & 0xffff_f000L) + (((linear >>> 12) & 0x3ff) << 2)));
        if ((pte & PG_V) == 0) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.of((pte & 0xffff_f000L) | (linear & 0xfff));
    }

    private java.util.OptionalLong pae(long linear) throws GuestMemoryException {
        long pdpte = memory.readU64(GuestAddress.of((cr3 & 0xffff_ffe0L) + ((linear >>> 30) << 3)));
        if ((pdpte & PG_V) == 0) {
            return java.util.OptionalLong.empty();
        }
        return walk(pdpte & PG_FRAME, linear, 21, 2);
    }

    private java.util.OptionalLong fourLevel(long linear) throws GuestMemoryException {
        return walk(cr3 & PG_FRAME, linear, 39, 4);
    }

    /** Walks {@code levels} levels of 512-entry tables starting at bit {@code shift}. */
    private java.util.OptionalLong walk(long table, long linear, int shift, int levels) throws GuestMemoryException {
        for (int level = levels; level >= 1; level--, shift -= 9) {
            long entry = memory.readU64(GuestAddress.of(table + (((linear >>> shift) & 0x1ff) << 3)));
            if ((entry & PG_V) == 0) {
                return java.util.OptionalLong.empty();
            }
            boolean leaf = level == 1 || ((entry & PG_PS) != 0 && level <= 3);
            if (leaf) {
                long pageMask = (1L << shift) - 1;
                return java.util.OptionalLong.of((entry & PG_FRAME & ~pageMask) | (linear & pageMask));
            }
            table = entry & PG_FRAME;
        }
        throw new IllegalStateException("unreachable");
    }
}
