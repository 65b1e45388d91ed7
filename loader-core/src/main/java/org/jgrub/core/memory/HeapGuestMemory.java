package org.jgrub.core.memory;

import java.nio.ByteBuffer;

/** Guest RAM on the Java heap, for tests and tools: each region is one array, so at most 2 GiB - 1 each. */
public final class HeapGuestMemory extends RegionMemory {
    private final byte[][] regions;

    public HeapGuestMemory(MemoryLayout layout) {
        super(layout);
        regions = new byte[layout.regions().size()][];
        for (int i = 0; i < regions.length; i++) {
            long size = layout.regions().get(i).size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("heap guest memory regions are limited to 2 GiB");
            }
            regions[i] = new byte[(int) size];
        }
    }

    /** Heap memory of {@code size} bytes in bhyve's layout. */
    public static HeapGuestMemory ofSize(long size) {
        return new HeapGuestMemory(MemoryLayout.bhyve(size));
    }

    @Override
    public boolean writable() {
        return true;
    }

    @Override
    ByteBuffer view(int index, long offset, int length) {
        return ByteBuffer.wrap(regions[index], (int) offset, length).slice();
    }

    @Override
    void release() {
        // nothing to unmap; the arrays go with the object
    }
}
