package org.jgrub.core.memory;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Guest RAM reached through native pointers: what {@code vm_map_gpa} returns under bhyve, or an
 * {@code mmap} of the RAM file QEMU shares. Views are JNA direct buffers of at most
 * {@link GuestMemory#MAX_WINDOW} bytes, so loaders write into guest RAM with no copy on the heap.
 *
 * <p>A read-only mapping must never be written through: the JVM would die on the fault. Such
 * memory is created with {@link Access#READ_ONLY} and hands out read-only buffers only.
 */
public final class NativeGuestMemory extends RegionMemory {
    /** Whether the native mapping may be written. */
    public enum Access { READ_ONLY, READ_WRITE }

    private final List<Pointer> bases;
    private final Access access;
    private final Runnable release;

    /**
     * @param bases   one pointer per region of {@code layout}, each valid for the region's size
     * @param release what unmaps the memory when this object is closed
     */
    public NativeGuestMemory(MemoryLayout layout, List<Pointer> bases, Access access, Runnable release) {
        super(layout);
        if (bases.size() != layout.regions().size()) {
            throw new IllegalArgumentException("need one base pointer per region of " + layout);
        }
        this.bases = List.copyOf(bases);
        this.access = access;
        this.release = release;
    }

    @Override
    public boolean writable() {
        return access == Access.READ_WRITE;
    }

    @Override
    ByteBuffer view(int index, long offset, int length) {
        return bases.get(index).getByteBuffer(offset, length);
    }

    @Override
    void release() {
        release.run();
    }
}
