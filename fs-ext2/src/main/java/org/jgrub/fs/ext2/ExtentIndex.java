package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;

/**
 * {@code struct ext4_extent_idx}: an interior entry; the subtree in block {@code leaf} covers
 * logical blocks from {@code logical} up to the next index entry's.
 */
public record ExtentIndex(long logical, long leaf) {
    public static ExtentIndex parse(ByteBuffer b, int at) {
        long leaf = Integer.toUnsignedLong(b.getInt(at + 4)) | (Short.toUnsignedLong(b.getShort(at + 8)) << 32);
        return new ExtentIndex(Integer.toUnsignedLong(b.getInt(at)), leaf);
    }
}
