package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jgrub.core.fs.NodeType;

/**
 * The fields of {@code struct ext4_inode} jgrub uses ("Index Nodes"). The first 128 bytes are the
 * original ext2 inode; larger inodes add {@code i_extra_isize} bytes of fields (timestamps' extra
 * bits) followed by in-inode extended attributes, which {@link #extra} keeps for inline data.
 *
 * @param mode      i_mode (type in the top four bits)
 * @param size      i_size_lo | i_size_high << 32 (may be negative when hostile: callers check)
 * @param mtime     seconds since the epoch, sign-extended, plus the epoch bits of i_mtime_extra
 * @param flags     i_flags
 * @param block     the 60 bytes of i_block: block map, extent tree root, fast symlink or inline data
 * @param extraIsize i_extra_isize, or 0 for 128-byte inodes
 * @param xattrArea the in-inode xattr area (after 128 + i_extra_isize), possibly empty
 */
public record Inode(int mode, long size, long mtime, int flags, byte[] block, int extraIsize, byte[] xattrArea) {
    public static final int GOOD_OLD_SIZE = 128;
    /** i_block is 15 32-bit words. */
    public static final int I_BLOCK_OFFSET = 0x28;
    public static final int I_BLOCK_SIZE = 60;
    public static final int EXT2_NDIR_BLOCKS = 12;
    public static final int EXT2_IND_BLOCK = 12;
    public static final int EXT2_DIND_BLOCK = 13;
    public static final int EXT2_TIND_BLOCK = 14;

    public static final int S_IFMT = 0xF000;
    public static final int S_IFREG = 0x8000;
    public static final int S_IFDIR = 0x4000;
    public static final int S_IFLNK = 0xA000;

    /** Decodes an inode of {@code inodeSize} bytes at {@code src}'s position; i_extra_isize is checked by the caller. */
    public static Inode parse(ByteBuffer src, int inodeSize) {
        ByteBuffer b = src.slice().order(ByteOrder.LITTLE_ENDIAN);
        long size = Integer.toUnsignedLong(b.getInt(0x04)) | (Integer.toUnsignedLong(b.getInt(0x6C)) << 32);
        long mtime = b.getInt(0x10);
        int extra = 0;
        if (inodeSize > GOOD_OLD_SIZE) {
            extra = Short.toUnsignedInt(b.getShort(0x80));
        }
        // i_mtime_extra sits at 0x88; it is valid only when i_extra_isize covers it.
        if (extra >= 0x8C - GOOD_OLD_SIZE && GOOD_OLD_SIZE + extra <= inodeSize) {
            mtime += (long) (b.getInt(0x88) & 3) << 32;
        }
        byte[] block = new byte[I_BLOCK_SIZE];
        b.get(I_BLOCK_OFFSET, block);
        byte[] xattrs = new byte[0];
        if (GOOD_OLD_SIZE + extra < inodeSize) {
            xattrs = new byte[inodeSize - GOOD_OLD_SIZE - extra];
            b.get(GOOD_OLD_SIZE + extra, xattrs);
        }
        return new Inode(Short.toUnsignedInt(b.getShort(0x00)), size, mtime, b.getInt(0x20), block, extra, xattrs);
    }

    public NodeType type() {
        return switch (mode & S_IFMT) {
            case S_IFREG -> NodeType.FILE;
            case S_IFDIR -> NodeType.DIRECTORY;
            case S_IFLNK -> NodeType.SYMLINK;
            default -> NodeType.OTHER;
        };
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    /** The i_block bytes as a little-endian buffer. */
    public ByteBuffer blockBuffer() {
        return ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
    }
}
