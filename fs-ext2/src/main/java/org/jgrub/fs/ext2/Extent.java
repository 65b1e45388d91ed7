package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;

/**
 * {@code struct ext4_extent}: a leaf entry mapping {@code length} logical blocks from
 * {@code logical} to physical blocks from {@code start}. An ee_len above 32768 marks an
 * uninitialised (preallocated) extent of ee_len - 32768 blocks, which reads as zeros.
 */
public record Extent(long logical, int length, long start, boolean uninitialized) {
    /** Largest initialised extent (EXT_INIT_MAX_LEN). */
    public static final int EXT_INIT_MAX_LEN = 1 << 15;

    public static Extent parse(ByteBuffer b, int at) {
        int len = Short.toUnsignedInt(b.getShort(at + 4));
        boolean uninit = len > EXT_INIT_MAX_LEN;
        long start = (Short.toUnsignedLong(b.getShort(at + 6)) << 32) | Integer.toUnsignedLong(b.getInt(at + 8));
        return new Extent(Integer.toUnsignedLong(b.getInt(at)), uninit ? len - EXT_INIT_MAX_LEN : len, start, uninit);
    }
}
