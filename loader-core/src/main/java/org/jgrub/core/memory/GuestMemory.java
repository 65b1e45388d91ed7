package org.jgrub.core.memory;

import java.nio.ByteBuffer;
import org.jgrub.core.error.GuestMemoryException;

/**
 * Access to guest RAM and nothing else. Every access names a guest address and a length and is
 * checked against the {@link MemoryLayout}'s regions before any byte moves: an access that is not
 * wholly inside one region raises {@link GuestMemoryException}, so a bad offset from a guest
 * image can never reach host memory beyond the mapping. All multi-byte values are little-endian.
 */
public interface GuestMemory extends AutoCloseable {
    /** Largest window handed out at once (the design's bound on JNA buffer views). */
    int MAX_WINDOW = 1 << 30;

    MemoryLayout layout();

    /**
     * A little-endian view of {@code [address, address + length)}, position 0, limit
     * {@code length}. Writable unless the memory is read-only. Loaders stream file data straight
     * into such windows.
     */
    ByteBuffer window(GuestAddress address, int length) throws GuestMemoryException;

    /** Whether windows accept writes. */
    boolean writable();

    /** The region that holds all of {@code [address, address + length)}, or an error naming both. */
    default GuestRegion regionOf(GuestAddress address, long length) throws GuestMemoryException {
        if (length < 0) {
            throw new GuestMemoryException("guest memory access at " + address + " with negative length " + length);
        }
        for (GuestRegion r : layout().regions()) {
            if (r.contains(address, length)) {
                return r;
            }
        }
        throw new GuestMemoryException(String.format(
                "guest memory access [0x%x, +0x%x) lies outside guest RAM %s", address.value(), length, layout()));
    }

    default void write(GuestAddress address, byte[] bytes) throws GuestMemoryException {
        write(address, bytes, 0, bytes.length);
    }

    default void write(GuestAddress address, byte[] bytes, int offset, int length) throws GuestMemoryException {
        window(address, length).put(bytes, offset, length);
    }

    default byte[] read(GuestAddress address, int length) throws GuestMemoryException {
        byte[] out = new byte[length];
        window(address, length).get(out);
        return out;
    }

    default void writeU8(GuestAddress address, int value) throws GuestMemoryException {
        window(address, 1).put((byte) value);
    }

    default void writeU16(GuestAddress address, int value) throws GuestMemoryException {
        window(address, 2).putShort((short) value);
    }

    default void writeU32(GuestAddress address, long value) throws GuestMemoryException {
        window(address, 4).putInt((int) value);
    }

    default void writeU64(GuestAddress address, long value) throws GuestMemoryException {
        window(address, 8).putLong(value);
    }

    default int readU8(GuestAddress address) throws GuestMemoryException {
        return Byte.toUnsignedInt(window(address, 1).get());
    }

    default int readU16(GuestAddress address) throws GuestMemoryException {
        return Short.toUnsignedInt(window(address, 2).getShort());
    }

    default long readU32(GuestAddress address) throws GuestMemoryException {
        return Integer.toUnsignedLong(window(address, 4).getInt());
    }

    default long readU64(GuestAddress address) throws GuestMemoryException {
        return window(address, 8).getLong();
    }

    /** Sets {@code length} bytes to {@code value}, a window of at most {@link #MAX_WINDOW} at a time. */
    default void fill(GuestAddress address, long length, byte value) throws GuestMemoryException {
        regionOf(address, length);
        byte[] chunk = new byte[(int) Math.min(length, 64 * 1024)];
        java.util.Arrays.fill(chunk, value);
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(length - done, MAX_WINDOW);
            ByteBuffer w = window(address.plus(done), n);
            while (w.hasRemaining()) {
                w.put(chunk, 0, Math.min(chunk.length, w.remaining()));
            }
            done += n;
        }
    }

    @Override
    void close();
}
