package org.jgrub.core.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The memory map a guest is told about, derived from the {@link MemoryLayout} exactly as
 * grub-bhyve builds its e820 ({@code grub-core/kern/emu/bhyve_hostif.c}): {@code [0, 640K)},
 * {@code [1M, lowmem)} and, when there is high RAM, {@code [4G, 4G + highmem)} — all RAM.
 * The hole from 640 KiB to 1 MiB is where PCs keep VGA memory and BIOS ROMs; no guest data may
 * be placed there. (grub-bhyve commit e4e0919 moved the first end from 640K-1 to 640K because
 * kdump/kexec reject ranges that are not 1 KiB aligned.)
 */
public record MemoryMap(List<E820Entry> entries) {
    /** End of conventional memory. */
    public static final GuestAddress CONVENTIONAL_END = GuestAddress.of(640 * MemoryLayout.KIB);
    /** Start of extended memory. */
    public static final GuestAddress EXTENDED_START = GuestAddress.of(MemoryLayout.MIB);

    public MemoryMap {
        entries = List.copyOf(entries);
    }

    public static MemoryMap of(MemoryLayout layout) {
        List<E820Entry> e = new ArrayList<>(3);
        e.add(new E820Entry(GuestAddress.ZERO, Math.min(CONVENTIONAL_END.value(), layout.lowmemSize()), E820Entry.Type.RAM));
        if (layout.lowmemSize() > EXTENDED_START.value()) {
            e.add(new E820Entry(EXTENDED_START, layout.lowmemSize() - EXTENDED_START.value(), E820Entry.Type.RAM));
        }
        if (layout.highmemSize() > 0) {
            e.add(new E820Entry(MemoryLayout.HIGHMEM_BASE, layout.highmemSize(), E820Entry.Type.RAM));
        }
        return new MemoryMap(e);
    }
}
