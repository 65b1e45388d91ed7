package org.jgrub.core.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.jgrub.core.error.GuestMemoryException;

/**
 * The bounds checks shared by every {@link GuestMemory}: find the one region that holds the whole
 * access, refuse anything else, and only then ask the implementation for the bytes.
 */
abstract class RegionMemory implements GuestMemory {
    private final MemoryLayout layout;
    private final List<GuestRegion> regions;
    private volatile boolean closed;

    RegionMemory(MemoryLayout layout) {
        this.layout = layout;
        this.regions = layout.regions();
    }

    @Override
    public final MemoryLayout layout() {
        return layout;
    }

    @Override
    public final ByteBuffer window(GuestAddress address, int length) throws GuestMemoryException {
        if (closed) {
            throw new GuestMemoryException("guest memory is closed");
        }
        if (length < 0 || length > MAX_WINDOW) {
            throw new GuestMemoryException(String.format(
                    "guest memory window at 0x%x of %d bytes exceeds the 1 GiB window limit", address.value(), length));
        }
        GuestRegion region = regionOf(address, length);
        int index = regions.indexOf(region);
        ByteBuffer view = view(index, address.minus(region.start()), length);
        view = writable() ? view : view.asReadOnlyBuffer();
        return view.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The bytes {@code [offset, offset + length)} of region {@code index}; already bounds-checked. */
    abstract ByteBuffer view(int index, long offset, int length);

    /** Releases the backing store; later accesses fail. */
    abstract void release();

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }
}
