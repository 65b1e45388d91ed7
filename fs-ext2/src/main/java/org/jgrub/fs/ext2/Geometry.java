package org.jgrub.fs.ext2;

import org.jgrub.core.error.CorruptStructureException;

/**
 * The validated shape of a filesystem, derived from its {@link Superblock}: every number later
 * code multiplies or loops over has been range-checked against the device here, so a hostile
 * superblock fails at mount with one message instead of allocating or looping.
 *
 * @param blockSize       1 KiB to 64 KiB
 * @param blocksCount     blocks in the filesystem (fits in the device)
 * @param groupCount      block groups
 * @param descSize        bytes per group descriptor (32, or s_desc_size with 64bit)
 * @param descPerBlock    descriptors per block
 * @param inodeSize       bytes per inode (power of two, 128 to blockSize)
 * @param inodeTableBlocks blocks each group's inode table occupies
 */
public record Geometry(
        int blockSize,
        long blocksCount,
        long firstDataBlock,
        long blocksPerGroup,
        long inodesPerGroup,
        long inodesCount,
        long groupCount,
        int descSize,
        int descPerBlock,
        int inodeSize,
        long inodeTableBlocks,
        long firstMetaBg,
        boolean metaBg) {

    /** s_log_block_size is the block size as a shift of 1024; 64 KiB is the largest Linux allows. */
    public static final int MAX_LOG_BLOCK_SIZE = 6;
    /** bigalloc clusters of at most 2^16 blocks (mke2fs allows far less; this only bounds the arithmetic). */
    public static final int MAX_CLUSTER_SHIFT = 16;

    /** Checks {@code sb} against a device of {@code deviceSize} bytes. */
    public static Geometry of(Superblock sb, long deviceSize, String type) throws CorruptStructureException {
        String where = type + " superblock";
        long at = Superblock.OFFSET;
        if (sb.revLevel() > Superblock.EXT2_DYNAMIC_REV) {
            throw new CorruptStructureException(where, at, "s_rev_level " + sb.revLevel() + " is newer than 1");
        }
        if (sb.logBlockSize() > MAX_LOG_BLOCK_SIZE) {
            throw new CorruptStructureException(where, at,
                    "s_log_block_size " + sb.logBlockSize() + " out of range (0.." + MAX_LOG_BLOCK_SIZE + ")");
        }
        int bs = 1024 << sb.logBlockSize();
        long bitsPerBitmap = 8L * bs;
        long clusterRatio = 1;
        if (sb.hasRoCompat(FeatureBits.EXT4_FEATURE_RO_COMPAT_BIGALLOC)) {
            // bigalloc: the block bitmap counts clusters, so a group spans up to 8 * bs clusters.
            long shift = sb.logClusterSize() - sb.logBlockSize();
            if (sb.logClusterSize() < sb.logBlockSize() || shift > MAX_CLUSTER_SHIFT) {
                throw new CorruptStructureException(where, at, "s_log_cluster_size " + sb.logClusterSize()
                        + " out of range (" + sb.logBlockSize() + ".." + (sb.logBlockSize() + MAX_CLUSTER_SHIFT) + ")");
            }
            clusterRatio = 1L << shift;
        }
        long maxBlocksPerGroup = bitsPerBitmap * clusterRatio;
        if (sb.blocksPerGroup() < 8 || sb.blocksPerGroup() > maxBlocksPerGroup) {
            throw new CorruptStructureException(where, at,
                    "s_blocks_per_group " + sb.blocksPerGroup() + " out of range (8.." + maxBlocksPerGroup + ")");
        }
        if (sb.inodesPerGroup() < 1 || sb.inodesPerGroup() > bitsPerBitmap) {
            throw new CorruptStructureException(where, at,
                    "s_inodes_per_group " + sb.inodesPerGroup() + " out of range (1.." + bitsPerBitmap + ")");
        }
        int isz = sb.inodeSize();
        if (isz < Superblock.EXT2_GOOD_OLD_INODE_SIZE || isz > bs || Integer.bitCount(isz) != 1) {
            throw new CorruptStructureException(where, at,
                    "s_inode_size " + isz + " is not a power of two from 128 to the block size " + bs);
        }
        long blocks = sb.blocksCount();
        if (blocks <= 0 || blocks > deviceSize / bs) {
            throw new CorruptStructureException(where, at, "s_blocks_count " + Long.toUnsignedString(blocks)
                    + " of " + bs + " bytes runs past the end of the device (" + deviceSize + " bytes)");
        }
        long first = sb.firstDataBlock();
        if (first > (bs == 1024 ? 1 : 0) || first >= blocks) {
            throw new CorruptStructureException(where, at,
                    "s_first_data_block " + first + " is not " + (bs == 1024 ? "0 or 1" : "0") + " for " + bs + "-byte blocks");
        }
        long groups = (blocks - first + sb.blocksPerGroup() - 1) / sb.blocksPerGroup();
        // The kernel's own consistency check: it bounds the group count by a 32-bit field.
        if (groups > sb.inodesCount() || groups * sb.inodesPerGroup() != sb.inodesCount()) {
            throw new CorruptStructureException(where, at, "s_inodes_count " + sb.inodesCount() + " does not match "
                    + groups + " groups of " + sb.inodesPerGroup() + " inodes");
        }
        int descSize = GroupDescriptor.EXT2_MIN_DESC_SIZE;
        if (sb.hasIncompat(FeatureBits.EXT4_FEATURE_INCOMPAT_64BIT)) {
            descSize = sb.descSize();
            if (descSize < GroupDescriptor.EXT2_MIN_DESC_SIZE_64BIT || descSize > GroupDescriptor.EXT2_MAX_DESC_SIZE
                    || Integer.bitCount(descSize) != 1) {
                throw new CorruptStructureException(where, at,
                        "s_desc_size " + descSize + " is not a power of two from 64 to 1024");
            }
        }
        int perBlock = bs / descSize;
        long descBlocks = (groups + perBlock - 1) / perBlock;
        boolean metaBg = sb.hasIncompat(FeatureBits.EXT2_FEATURE_INCOMPAT_META_BG);
        long plainDescBlocks = metaBg ? Math.min(sb.firstMetaBg(), descBlocks) : descBlocks;
        if (metaBg && sb.firstMetaBg() > descBlocks) {
            throw new CorruptStructureException(where, at,
                    "s_first_meta_bg " + sb.firstMetaBg() + " exceeds the " + descBlocks + " descriptor blocks");
        }
        long gdtStart = Superblock.OFFSET / bs + 1;
        if (gdtStart + plainDescBlocks > blocks) {
            throw new CorruptStructureException(where, at, groups + " block groups need " + plainDescBlocks
                    + " descriptor blocks from block " + gdtStart + ", past the filesystem's " + blocks + " blocks");
        }
        if (sb.firstIno() < Superblock.EXT2_GOOD_OLD_FIRST_INO || sb.firstIno() > sb.inodesCount()) {
            throw new CorruptStructureException(where, at,
                    "s_first_ino " + sb.firstIno() + " out of range (11.." + sb.inodesCount() + ")");
        }
        long tableBlocks = (sb.inodesPerGroup() * isz + bs - 1) / bs;
        return new Geometry(bs, blocks, first, sb.blocksPerGroup(), sb.inodesPerGroup(), sb.inodesCount(), groups,
                descSize, perBlock, isz, tableBlocks, sb.firstMetaBg(), metaBg);
    }

    /** Byte offset of block {@code block} (callers have range-checked it). */
    public long offset(long block) {
        return block * blockSize;
    }

    /** Whether {@code [block, block + count)} lies inside the filesystem. */
    public boolean contains(long block, long count) {
        return block >= 0 && count >= 0 && block < blocksCount && count <= blocksCount - block;
    }

    /**
     * The first group descriptor block: the one after the superblock's. That is s_first_data_block
     * + 1 except on 1 KiB bigalloc filesystems, whose first data block is 0 but whose superblock
     * still fills block 1.
     */
    public long gdtStart() {
        return Superblock.OFFSET / blockSize + 1;
    }

    public long groupFirstBlock(long group) {
        return firstDataBlock + group * blocksPerGroup;
    }
}
