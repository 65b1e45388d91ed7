package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;

/**
 * Walks the entries of one directory block (or inline-data region), checking each as the kernel's
 * {@code ext4_check_dir_entry} does: rec_len non-zero, a multiple of 4, at least 12, inside the
 * region and big enough for its name; the inode number inside 1..s_inodes_count. rec_len must
 * advance, so a region of n bytes is done in at most n / 12 steps.
 */
final class DirectoryScanner {
    /** Receives one live entry; returns false to stop the walk. */
    interface Visitor {
        boolean visit(DirectoryEntry entry, ByteBuffer region, int nameAt) throws JgrubException;
    }

    private final Ext2FileSystem fs;
    private final String what;

    DirectoryScanner(Ext2FileSystem fs, long dirIno) {
        this.fs = fs;
        this.what = fs.typeName() + " directory entry of inode " + dirIno;
    }

    /**
     * Visits the entries in {@code [start, end)} of {@code region}, whose byte 0 is at device
     * offset {@code regionAt}. Returns false when the visitor stopped the walk.
     */
    boolean scan(ByteBuffer region, int start, int end, long regionAt, Visitor visitor) throws JgrubException {
        int blockSize = fs.geometry().blockSize();
        boolean fileTypes = fs.superblock().hasIncompat(FeatureBits.EXT2_FEATURE_INCOMPAT_FILETYPE);
        long inodes = fs.geometry().inodesCount();
        int pos = start;
        while (pos < end) {
            long at = regionAt + pos;
            if (end - pos < DirectoryEntry.HEADER_SIZE) {
                throw new CorruptStructureException(what, at,
                        "only " + (end - pos) + " bytes left, less than an entry header");
            }
            DirectoryEntry e = DirectoryEntry.parse(region, pos, fileTypes);
            int recLen = e.recLen(blockSize);
            if (recLen == 0) {
                throw new CorruptStructureException(what, at, "rec_len 0");
            }
            if (recLen % 4 != 0) {
                throw new CorruptStructureException(what, at, "rec_len " + recLen + " is not a multiple of 4");
            }
            if (recLen < DirectoryEntry.MIN_REC_LEN) {
                throw new CorruptStructureException(what, at,
                        "rec_len " + recLen + " is below the minimum " + DirectoryEntry.MIN_REC_LEN);
            }
            if (recLen > end - pos) {
                throw new CorruptStructureException(what, at,
                        "rec_len " + recLen + " runs past the end of the block (" + (end - pos) + " bytes left)");
            }
            if (DirectoryEntry.HEADER_SIZE + e.nameLen() > recLen) {
                throw new CorruptStructureException(what, at,
                        "name_len " + e.nameLen() + " does not fit in rec_len " + recLen);
            }
            if (e.inode() != 0) {
                if (e.inode() > inodes) {
                    throw new CorruptStructureException(what, at,
                            "inode " + e.inode() + " out of range (1.." + inodes + ")");
                }
                if (e.nameLen() == 0) {
                    throw new CorruptStructureException(what, at, "name_len 0 for inode " + e.inode());
                }
                if (!visitor.visit(e, region, pos + DirectoryEntry.HEADER_SIZE)) {
                    return false;
                }
            }
            pos += recLen;
        }
        return true;
    }

    /**
     * Checks the dx_root of an htree directory (its first block, "Hash Tree Directories"): jgrub
     * reads htree directories linearly, but a broken root is reported rather than read past.
     */
    void checkHtreeRoot(ByteBuffer block, long blockAt, long dirIno) throws CorruptStructureException {
        String root = fs.typeName() + " htree root of inode " + dirIno;
        int bs = fs.geometry().blockSize();
        if (bs < 40) {
            return;
        }
        int infoLength = Byte.toUnsignedInt(block.get(0x1D));
        int hashVersion = Byte.toUnsignedInt(block.get(0x1C));
        int levels = Byte.toUnsignedInt(block.get(0x1E));
        int limit = Short.toUnsignedInt(block.getShort(0x20));
        int count = Short.toUnsignedInt(block.getShort(0x22));
        int maxLevels = fs.superblock().hasIncompat(FeatureBits.EXT4_FEATURE_INCOMPAT_LARGEDIR) ? 3 : 2;
        if (infoLength != 8) {
            throw new CorruptStructureException(root, blockAt, "info_length " + infoLength + " is not 8");
        }
        if (hashVersion > 6) {
            throw new CorruptStructureException(root, blockAt, "hash_version " + hashVersion + " is unknown");
        }
        if (levels >= maxLevels) {
            throw new CorruptStructureException(root, blockAt,
                    "indirect_levels " + levels + " exceeds " + (maxLevels - 1));
        }
        int room = (bs - 0x20) / 8;
        if (limit > room || count == 0 || count > limit) {
            throw new CorruptStructureException(root, blockAt,
                    "count " + count + " / limit " + limit + " do not fit the block's room for " + room + " entries");
        }
    }
}
