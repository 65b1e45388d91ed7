package org.jgrub.core.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a VM's RAM lies in guest-physical space, following bhyve: low RAM is
 * {@code [0, min(mem, lowmemLimit))}; whatever is left is high RAM from 4 GiB.
 *
 * <p>Source: FreeBSD {@code lib/libvmmapi/vmmapi.c} — {@code vm_open} sets
 * {@code lowmem_limit = 3 * GB}; {@code vm_setup_memory} puts the rest at {@code 4 * GB}.
 * QEMU's {@code pc} machine with {@code max-ram-below-4g=3G} splits RAM the same way.
 */
public record MemoryLayout(long memorySize, long lowmemLimit) {
    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;
    public static final long GIB = 1024 * MIB;
    /** {@code vm_open}'s default {@code lowmem_limit}. */
    public static final long DEFAULT_LOWMEM_LIMIT = 3 * GIB;
    /** Where {@code vm_setup_memory} places memory above the low limit. */
    public static final GuestAddress HIGHMEM_BASE = GuestAddress.of(4 * GIB);

    public MemoryLayout {
        if (memorySize <= 0) {
            throw new IllegalArgumentException("memory size must be positive");
        }
        if (lowmemLimit <= 0 || lowmemLimit > HIGHMEM_BASE.value()) {
            throw new IllegalArgumentException("lowmem limit 0x" + Long.toHexString(lowmemLimit) + " must lie in (0, 4 GiB]");
        }
    }

    /** bhyve's layout for {@code memorySize} bytes with the default 3 GiB low limit. */
    public static MemoryLayout bhyve(long memorySize) {
        return new MemoryLayout(memorySize, DEFAULT_LOWMEM_LIMIT);
    }

    public long lowmemSize() {
        return Math.min(memorySize, lowmemLimit);
    }

    public long highmemSize() {
        return memorySize - lowmemSize();
    }

    public List<GuestRegion> regions() {
        List<GuestRegion> regions = new ArrayList<>(2);
        regions.add(new GuestRegion(GuestAddress.ZERO, lowmemSize()));
        if (highmemSize() > 0) {
            regions.add(new GuestRegion(HIGHMEM_BASE, highmemSize()));
        }
        return List.copyOf(regions);
    }

    /**
     * The offset of a guest address in a file holding all of RAM the way QEMU's
     * {@code memory-backend-file} lays it out: low RAM first, high RAM straight after it.
     */
    public long fileOffset(GuestAddress address) {
        long a = address.value();
        if (a < lowmemSize()) {
            return a;
        }
        if (a >= HIGHMEM_BASE.value() && a - HIGHMEM_BASE.value() < highmemSize()) {
            return lowmemSize() + (a - HIGHMEM_BASE.value());
        }
        throw new IllegalArgumentException(address + " is not guest RAM");
    }

    @Override
    public String toString() {
        return regions().toString();
    }
}
