package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fields of {@code struct ext4_group_desc} jgrub needs ("Block Group Descriptors"): only where
 * the group's inode table starts. The descriptor is 32 bytes, or s_desc_size (≥ 64) bytes with the
 * 64bit feature, whose second half carries the high 32 bits.
 *
 * @param inodeTable first block of the group's inode table (bg_inode_table_lo | _hi << 32)
 * @param flags      bg_flags (EXT4_BG_INODE_UNINIT and friends)
 */
public record GroupDescriptor(long inodeTable, int flags) {
    /** Size without the 64bit feature. */
    public static final int EXT2_MIN_DESC_SIZE = 32;
    /** Smallest s_desc_size with the 64bit feature. */
    public static final int EXT2_MIN_DESC_SIZE_64BIT = 64;
    /** Largest s_desc_size (the kernel's EXT4_MAX_DESC_SIZE: the smallest block). */
    public static final int EXT2_MAX_DESC_SIZE = 1024;

    /** Decodes one descriptor of {@code descSize} bytes at {@code b}'s position. */
    public static GroupDescriptor parse(ByteBuffer src, int descSize) {
        ByteBuffer b = src.slice().order(ByteOrder.LITTLE_ENDIAN);
        long table = Integer.toUnsignedLong(b.getInt(0x08));
        if (descSize >= EXT2_MIN_DESC_SIZE_64BIT) {
            table |= Integer.toUnsignedLong(b.getInt(0x28)) << 32;
        }
        return new GroupDescriptor(table, Short.toUnsignedInt(b.getShort(0x12)));
    }
}
