package org.jgrub.fs.ext2;

/**
 * Superblock feature bits and inode flags under the names the kernel's ext4 disk-layout document
 * (Documentation/filesystems/ext4/super.rst, inodes.rst) and e2fsprogs' {@code ext2_fs.h} use.
 * What jgrub does with each feature is decided in one place: {@link Ext4Feature}.
 */
public final class FeatureBits {
    private FeatureBits() {}

    // s_feature_compat (offset 0x5C): an implementation that does not know a bit may still read and write.
    public static final int EXT2_FEATURE_COMPAT_DIR_PREALLOC = 0x0001;
    public static final int EXT2_FEATURE_COMPAT_IMAGIC_INODES = 0x0002;
    public static final int EXT3_FEATURE_COMPAT_HAS_JOURNAL = 0x0004;
    public static final int EXT2_FEATURE_COMPAT_EXT_ATTR = 0x0008;
    public static final int EXT2_FEATURE_COMPAT_RESIZE_INODE = 0x0010;
    public static final int EXT2_FEATURE_COMPAT_DIR_INDEX = 0x0020;
    public static final int EXT2_FEATURE_COMPAT_LAZY_BG = 0x0040;
    public static final int EXT2_FEATURE_COMPAT_EXCLUDE_BITMAP = 0x0100;
    public static final int EXT4_FEATURE_COMPAT_SPARSE_SUPER2 = 0x0200;
    public static final int EXT4_FEATURE_COMPAT_FAST_COMMIT = 0x0400;
    public static final int EXT4_FEATURE_COMPAT_STABLE_INODES = 0x0800;
    public static final int EXT4_FEATURE_COMPAT_ORPHAN_FILE = 0x1000;

    // s_feature_incompat (offset 0x60): an implementation that does not know a bit must not read.
    public static final int EXT2_FEATURE_INCOMPAT_COMPRESSION = 0x0001;
    public static final int EXT2_FEATURE_INCOMPAT_FILETYPE = 0x0002;
    public static final int EXT3_FEATURE_INCOMPAT_RECOVER = 0x0004;
    public static final int EXT3_FEATURE_INCOMPAT_JOURNAL_DEV = 0x0008;
    public static final int EXT2_FEATURE_INCOMPAT_META_BG = 0x0010;
    public static final int EXT3_FEATURE_INCOMPAT_EXTENTS = 0x0040;
    public static final int EXT4_FEATURE_INCOMPAT_64BIT = 0x0080;
    public static final int EXT4_FEATURE_INCOMPAT_MMP = 0x0100;
    public static final int EXT4_FEATURE_INCOMPAT_FLEX_BG = 0x0200;
    public static final int EXT4_FEATURE_INCOMPAT_EA_INODE = 0x0400;
    public static final int EXT4_FEATURE_INCOMPAT_DIRDATA = 0x1000;
    public static final int EXT4_FEATURE_INCOMPAT_CSUM_SEED = 0x2000;
    public static final int EXT4_FEATURE_INCOMPAT_LARGEDIR = 0x4000;
    public static final int EXT4_FEATURE_INCOMPAT_INLINE_DATA = 0x8000;
    public static final int EXT4_FEATURE_INCOMPAT_ENCRYPT = 0x10000;
    public static final int EXT4_FEATURE_INCOMPAT_CASEFOLD = 0x20000;

    // s_feature_ro_compat (offset 0x64): an implementation that does not know a bit may still read.
    public static final int EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER = 0x0001;
    public static final int EXT2_FEATURE_RO_COMPAT_LARGE_FILE = 0x0002;
    public static final int EXT2_FEATURE_RO_COMPAT_BTREE_DIR = 0x0004;
    public static final int EXT4_FEATURE_RO_COMPAT_HUGE_FILE = 0x0008;
    public static final int EXT4_FEATURE_RO_COMPAT_GDT_CSUM = 0x0010;
    public static final int EXT4_FEATURE_RO_COMPAT_DIR_NLINK = 0x0020;
    public static final int EXT4_FEATURE_RO_COMPAT_EXTRA_ISIZE = 0x0040;
    public static final int EXT4_FEATURE_RO_COMPAT_HAS_SNAPSHOT = 0x0080;
    public static final int EXT4_FEATURE_RO_COMPAT_QUOTA = 0x0100;
    public static final int EXT4_FEATURE_RO_COMPAT_BIGALLOC = 0x0200;
    public static final int EXT4_FEATURE_RO_COMPAT_METADATA_CSUM = 0x0400;
    public static final int EXT4_FEATURE_RO_COMPAT_REPLICA = 0x0800;
    public static final int EXT4_FEATURE_RO_COMPAT_READONLY = 0x1000;
    public static final int EXT4_FEATURE_RO_COMPAT_PROJECT = 0x2000;
    public static final int EXT4_FEATURE_RO_COMPAT_SHARED_BLOCKS = 0x4000;
    public static final int EXT4_FEATURE_RO_COMPAT_VERITY = 0x8000;
    public static final int EXT4_FEATURE_RO_COMPAT_ORPHAN_PRESENT = 0x10000;

    // i_flags (inode offset 0x20).
    public static final int EXT4_ENCRYPT_FL = 0x800;
    public static final int EXT4_INDEX_FL = 0x1000;
    public static final int EXT4_EXTENTS_FL = 0x80000;
    public static final int EXT4_INLINE_DATA_FL = 0x10000000;
}
