package org.jgrub.fs.ext2;

import static org.jgrub.fs.ext2.FeatureBits.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The one table of what jgrub does with each superblock feature bit (fs-ext2/FEATURES.md explains
 * it for people). Incompat bits jgrub does not list here refuse the mount, as the kernel does;
 * unknown compat and ro_compat bits are read past, since jgrub never writes.
 */
public enum Ext4Feature {
    // --- incompat ---
    COMPRESSION(Kind.INCOMPAT, EXT2_FEATURE_INCOMPAT_COMPRESSION, "compression", Status.REFUSED,
            "the e2compr patches never reached Linux; their block layout is undocumented"),
    FILETYPE(Kind.INCOMPAT, EXT2_FEATURE_INCOMPAT_FILETYPE, "filetype", Status.SUPPORTED,
            "directory entries carry the file type"),
    RECOVER(Kind.INCOMPAT, EXT3_FEATURE_INCOMPAT_RECOVER, "needs_recovery", Status.IGNORED,
            "the journal is not replayed; the filesystem is read as it stands, with a warning (as GRUB)"),
    JOURNAL_DEV(Kind.INCOMPAT, EXT3_FEATURE_INCOMPAT_JOURNAL_DEV, "journal_dev", Status.REFUSED,
            "this is an external journal device, it holds no files"),
    META_BG(Kind.INCOMPAT, EXT2_FEATURE_INCOMPAT_META_BG, "meta_bg", Status.SUPPORTED,
            "group descriptors are found per meta block group"),
    EXTENTS(Kind.INCOMPAT, EXT3_FEATURE_INCOMPAT_EXTENTS, "extent", Status.SUPPORTED,
            "extent trees of any legal depth"),
    BIT64(Kind.INCOMPAT, EXT4_FEATURE_INCOMPAT_64BIT, "64bit", Status.SUPPORTED,
            "64-bit block numbers and s_desc_size group descriptors"),
    MMP(Kind.INCOMPAT, EXT4_FEATURE_INCOMPAT_MMP, "mmp", Status.IGNORED,
            "multi-mount protection guards writers; a reader that never writes need not take the MMP block"),
    FLEX_BG(Kind.INCOMPAT, EXT4_FEATURE_INCOMPAT_FLEX_BG, "flex_bg", Status.SUPPORTED,
            "only moves bitmaps and inode tables; the descriptors say where"),
    EA_INODE(Kind.INCOMPAT, EXT4_FEATURE_INCOMPAT_EA_INODE, "ea_inode", Status.IGNORED,
            "large xattr values live in inodes; jgrub reads only system.data, which is always in the inode"),
    DIRDATA(Kind.INCOMPAT, EXT4_FEATURE_INCOMPAT_DIRDATA, "dirdata", Status.REFUSED,
            "Lustre's extra directory-entry data is not in the kernel and changes the entry layout"),
    CSUM_SEED(Kind.INCOMPAT, EXT4_FEATURE_INCOMPAT_CSUM_SEED, "metadata_csum_seed", Status.IGNORED,
            "only seeds checksums, which jgrub does not verify"),
    LARGEDIR(Kind.INCOMPAT, EXT4_FEATURE_INCOMPAT_LARGEDIR, "large_dir", Status.SUPPORTED,
            "directories over 2 GiB and 3-level htrees; directories are read linearly"),
    INLINE_DATA(Kind.INCOMPAT, EXT4_FEATURE_INCOMPAT_INLINE_DATA, "inline_data", Status.SUPPORTED,
            "small files and directories in i_block and the system.data xattr"),
    ENCRYPT(Kind.INCOMPAT, EXT4_FEATURE_INCOMPAT_ENCRYPT, "encrypt", Status.IGNORED,
            "unencrypted files read normally; a file or directory with EXT4_ENCRYPT_FL is refused when read"),
    CASEFOLD(Kind.INCOMPAT, EXT4_FEATURE_INCOMPAT_CASEFOLD, "casefold", Status.IGNORED,
            "names are stored as created; lookups are exact byte matches, as in GRUB"),

    // --- ro_compat (jgrub never writes, so none of these can stop a read) ---
    SPARSE_SUPER(Kind.RO_COMPAT, EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER, "sparse_super", Status.SUPPORTED,
            "backup superblocks in groups 0, 1 and powers of 3, 5, 7 (matters for meta_bg descriptor blocks)"),
    LARGE_FILE(Kind.RO_COMPAT, EXT2_FEATURE_RO_COMPAT_LARGE_FILE, "large_file", Status.SUPPORTED,
            "i_size_high gives files over 2 GiB"),
    HUGE_FILE(Kind.RO_COMPAT, EXT4_FEATURE_RO_COMPAT_HUGE_FILE, "huge_file", Status.IGNORED,
            "only changes i_blocks units, which jgrub does not use"),
    GDT_CSUM(Kind.RO_COMPAT, EXT4_FEATURE_RO_COMPAT_GDT_CSUM, "uninit_bg", Status.IGNORED,
            "checksums are not verified"),
    DIR_NLINK(Kind.RO_COMPAT, EXT4_FEATURE_RO_COMPAT_DIR_NLINK, "dir_nlink", Status.IGNORED,
            "link counts are not used"),
    EXTRA_ISIZE(Kind.RO_COMPAT, EXT4_FEATURE_RO_COMPAT_EXTRA_ISIZE, "extra_isize", Status.SUPPORTED,
            "i_extra_isize locates in-inode xattrs and the mtime epoch bits"),
    QUOTA(Kind.RO_COMPAT, EXT4_FEATURE_RO_COMPAT_QUOTA, "quota", Status.IGNORED, "quota files are not read"),
    BIGALLOC(Kind.RO_COMPAT, EXT4_FEATURE_RO_COMPAT_BIGALLOC, "bigalloc", Status.SUPPORTED,
            "allocation clusters; extents still count blocks"),
    METADATA_CSUM(Kind.RO_COMPAT, EXT4_FEATURE_RO_COMPAT_METADATA_CSUM, "metadata_csum", Status.IGNORED,
            "checksums are not verified (as GRUB); every structure is bounds-checked instead"),
    READONLY(Kind.RO_COMPAT, EXT4_FEATURE_RO_COMPAT_READONLY, "read-only", Status.IGNORED, "jgrub only reads"),
    PROJECT(Kind.RO_COMPAT, EXT4_FEATURE_RO_COMPAT_PROJECT, "project", Status.IGNORED, "quota data is not read"),
    SHARED_BLOCKS(Kind.RO_COMPAT, EXT4_FEATURE_RO_COMPAT_SHARED_BLOCKS, "shared_blocks", Status.IGNORED,
            "shared blocks only matter to writers"),
    VERITY(Kind.RO_COMPAT, EXT4_FEATURE_RO_COMPAT_VERITY, "verity", Status.IGNORED,
            "file contents read normally; the Merkle tree past i_size is not checked"),
    ORPHAN_PRESENT(Kind.RO_COMPAT, EXT4_FEATURE_RO_COMPAT_ORPHAN_PRESENT, "orphan_present", Status.IGNORED,
            "orphans are not cleaned up; the filesystem is read as it stands");

    /** Which superblock word the bit lives in. */
    public enum Kind { COMPAT, INCOMPAT, RO_COMPAT }

    public enum Status { SUPPORTED, IGNORED, REFUSED }

    private final Kind kind;
    private final int bit;
    private final String featureName;
    private final Status status;
    private final String reason;

    Ext4Feature(Kind kind, int bit, String featureName, Status status, String reason) {
        this.kind = kind;
        this.bit = bit;
        this.featureName = featureName;
        this.status = status;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    public int bit() {
        return bit;
    }

    /** The name mke2fs and dumpe2fs use. */
    public String featureName() {
        return featureName;
    }

    public Status status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** All incompat bits jgrub knows; anything else set in s_feature_incompat refuses the mount. */
    static int knownIncompat() {
        int m = 0;
        for (Ext4Feature f : values()) {
            if (f.kind == Kind.INCOMPAT) {
                m |= f.bit;
            }
        }
        return m;
    }

    /** The refused features set in {@code incompat}. */
    static List<Ext4Feature> refused(int incompat) {
        List<Ext4Feature> out = new ArrayList<>();
        for (Ext4Feature f : values()) {
            if (f.kind == Kind.INCOMPAT && f.status == Status.REFUSED && (incompat & f.bit) != 0) {
                out.add(f);
            }
        }
        return out;
    }
}
