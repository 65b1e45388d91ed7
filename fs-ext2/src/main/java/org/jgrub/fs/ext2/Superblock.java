package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fields of {@code struct ext4_super_block} jgrub uses (ext4 disk layout, "Super Block"). It
 * always starts at byte 1024 of the filesystem and is 1024 bytes long; all fields little-endian.
 * Parsing only decodes: {@link Geometry} validates.
 */
public record Superblock(
        long inodesCount,
        long blocksCount,
        long firstDataBlock,
        long logBlockSize,
        long logClusterSize,
        long blocksPerGroup,
        long inodesPerGroup,
        int magic,
        long revLevel,
        long firstIno,
        int inodeSize,
        int featureCompat,
        int featureIncompat,
        int featureRoCompat,
        byte[] uuid,
        byte[] volumeName,
        int descSize,
        long firstMetaBg,
        long backupBg0,
        long backupBg1) {

    /** Where the primary superblock lives, whatever the block size. */
    public static final long OFFSET = 1024;
    /** On-disk size of the structure. */
    public static final int SIZE = 1024;
    /** s_magic. */
    public static final int EXT2_SUPER_MAGIC = 0xEF53;
    /** Offset of s_magic inside the superblock. */
    public static final int MAGIC_OFFSET = 0x38;
    /** s_rev_level: 0 is the original format (128-byte inodes, first inode 11, no features). */
    public static final int EXT2_GOOD_OLD_REV = 0;
    public static final int EXT2_DYNAMIC_REV = 1;
    public static final int EXT2_GOOD_OLD_INODE_SIZE = 128;
    public static final int EXT2_GOOD_OLD_FIRST_INO = 11;

    /** Decodes the 1024 bytes at {@code b}'s position (which {@code b} must hold). */
    public static Superblock parse(ByteBuffer src) {
        ByteBuffer b = src.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < SIZE) {
            throw new IllegalArgumentException("superblock needs " + SIZE + " bytes, got " + b.remaining());
        }
        int incompat = b.getInt(0x60);
        boolean is64 = (incompat & FeatureBits.EXT4_FEATURE_INCOMPAT_64BIT) != 0;
        long blocks = u32(b, 0x04);
        if (is64) {
            blocks |= u32(b, 0x150) << 32;
        }
        long rev = u32(b, 0x4C);
        byte[] uuid = new byte[16];
        b.get(0x68, uuid);
        byte[] name = new byte[16];
        b.get(0x78, name);
        return new Superblock(
                u32(b, 0x00),
                blocks,
                u32(b, 0x14),
                u32(b, 0x18),
                u32(b, 0x1C),
                u32(b, 0x20),
                u32(b, 0x28),
                Short.toUnsignedInt(b.getShort(MAGIC_OFFSET)),
                rev,
                rev == EXT2_GOOD_OLD_REV ? EXT2_GOOD_OLD_FIRST_INO : u32(b, 0x54),
                rev == EXT2_GOOD_OLD_REV ? EXT2_GOOD_OLD_INODE_SIZE : Short.toUnsignedInt(b.getShort(0x58)),
                // A revision-0 superblock has no feature words; whatever is there is noise.
                rev == EXT2_GOOD_OLD_REV ? 0 : b.getInt(0x5C),
                rev == EXT2_GOOD_OLD_REV ? 0 : incompat,
                rev == EXT2_GOOD_OLD_REV ? 0 : b.getInt(0x64),
                uuid,
                name,
                Short.toUnsignedInt(b.getShort(0xFE)),
                u32(b, 0x104),
                u32(b, 0x24C),
                u32(b, 0x250));
    }

    public boolean hasCompat(int bit) {
        return (featureCompat & bit) != 0;
    }

    public boolean hasIncompat(int bit) {
        return (featureIncompat & bit) != 0;
    }

    public boolean hasRoCompat(int bit) {
        return (featureRoCompat & bit) != 0;
    }

    /**
     * What {@code probe} calls it, by blkid's rule: ext4 once any feature ext3 did not know is on,
     * else ext3 with a journal, else ext2.
     */
    public String typeName() {
        int ext3Incompat = FeatureBits.EXT2_FEATURE_INCOMPAT_FILETYPE | FeatureBits.EXT3_FEATURE_INCOMPAT_RECOVER
                | FeatureBits.EXT2_FEATURE_INCOMPAT_META_BG | FeatureBits.EXT3_FEATURE_INCOMPAT_JOURNAL_DEV;
        int ext3RoCompat = FeatureBits.EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER | FeatureBits.EXT2_FEATURE_RO_COMPAT_LARGE_FILE
                | FeatureBits.EXT2_FEATURE_RO_COMPAT_BTREE_DIR;
        if ((featureIncompat & ~ext3Incompat) != 0 || (featureRoCompat & ~ext3RoCompat) != 0) {
            return "ext4";
        }
        return hasCompat(FeatureBits.EXT3_FEATURE_COMPAT_HAS_JOURNAL) ? "ext3" : "ext2";
    }

    static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }
}
