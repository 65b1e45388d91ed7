package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;

/**
 * {@code struct ext4_extent_header} ("Extent Tree"): 12 bytes at the start of i_block and of every
 * extent tree block, followed by {@code entries} 12-byte index entries ({@code depth > 0}) or
 * leaf extents ({@code depth == 0}).
 */
public record ExtentHeader(int magic, int entries, int max, int depth) {
    public static final int SIZE = 12;
    /** eh_magic. */
    public static final int EXT4_EXT_MAGIC = 0xF30A;
    /** The kernel's EXT4_MAX_EXTENT_DEPTH: deeper trees are corrupt. */
    public static final int EXT4_MAX_EXTENT_DEPTH = 5;
    /** Size of one index or leaf entry. */
    public static final int ENTRY_SIZE = 12;

    /** Decodes the header at {@code b.position() + at} (little-endian buffer). */
    public static ExtentHeader parse(ByteBuffer b, int at) {
        return new ExtentHeader(
                Short.toUnsignedInt(b.getShort(at)),
                Short.toUnsignedInt(b.getShort(at + 2)),
                Short.toUnsignedInt(b.getShort(at + 4)),
                Short.toUnsignedInt(b.getShort(at + 6)));
    }
}
