package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;

/**
 * Walks an inode's extent tree ("Extent Tree" in the ext4 layout document). Every node on the way
 * is checked: magic, depth (at most 5 at the root, exactly one less at each step down, which
 * also rules out loops), entry count against eh_max and eh_max against the room in the node,
 * logical order, and that every block it names lies inside the filesystem.
 */
final class ExtentMap implements BlockMap {
    /** Logical block numbers are 32 bits. */
    static final long MAX_BLOCKS = 1L << 32;

    private final Ext2FileSystem fs;
    private final long ino;
    private final long inodeOffset;
    private final ByteBuffer root;

    ExtentMap(Ext2FileSystem fs, long ino, long inodeOffset, Inode inode) {
        this.fs = fs;
        this.ino = ino;
        this.inodeOffset = inodeOffset;
        this.root = inode.blockBuffer();
    }

    @Override
    public long maxBlocks() {
        return MAX_BLOCKS;
    }

    @Override
    public Run find(long logical) throws JgrubException {
        Geometry g = fs.geometry();
        String what = fs.typeName() + " extent tree of inode " + ino;
        ByteBuffer node = root;
        long nodeOffset = inodeOffset + Inode.I_BLOCK_OFFSET;
        int capacity = (Inode.I_BLOCK_SIZE - ExtentHeader.SIZE) / ExtentHeader.ENTRY_SIZE;
        int expectedDepth = -1;
        long upper = MAX_BLOCKS;
        long[] visited = new long[ExtentHeader.EXT4_MAX_EXTENT_DEPTH + 1];
        int visitedCount = 0;
        while (true) {
            ExtentHeader h = ExtentHeader.parse(node, 0);
            if (h.magic() != ExtentHeader.EXT4_EXT_MAGIC) {
                throw new CorruptStructureException(what, nodeOffset,
                        String.format("eh_magic 0x%04x is not 0x%04x", h.magic(), ExtentHeader.EXT4_EXT_MAGIC));
            }
            if (expectedDepth < 0 && h.depth() > ExtentHeader.EXT4_MAX_EXTENT_DEPTH) {
                throw new CorruptStructureException(what, nodeOffset,
                        "eh_depth " + h.depth() + " exceeds " + ExtentHeader.EXT4_MAX_EXTENT_DEPTH);
            }
            if (expectedDepth >= 0 && h.depth() != expectedDepth) {
                throw new CorruptStructureException(what, nodeOffset, "eh_depth " + h.depth() + " where "
                        + expectedDepth + " was expected (the tree loops or a block is misplaced)");
            }
            if (h.max() > capacity) {
                throw new CorruptStructureException(what, nodeOffset,
                        "eh_max " + h.max() + " exceeds the node's room for " + capacity + " entries");
            }
            if (h.entries() > h.max()) {
                throw new CorruptStructureException(what, nodeOffset,
                        "eh_entries " + h.entries() + " exceeds eh_max " + h.max());
            }
            if (h.depth() == 0) {
                return leaf(node, nodeOffset, h.entries(), logical, upper, what, g);
            }
            ExtentIndex chosen = null;
            long next = upper;
            long first = upper;
            long previous = -1;
            for (int i = 0; i < h.entries(); i++) {
                int at = ExtentHeader.SIZE + i * ExtentHeader.ENTRY_SIZE;
                ExtentIndex idx = ExtentIndex.parse(node, at);
                if (idx.logical() <= previous) {
                    throw new CorruptStructureException(what, nodeOffset + at, "index " + i + " starts at logical block "
                            + idx.logical() + ", not after the previous index's " + previous);
                }
                previous = idx.logical();
                if (i == 0) {
                    first = idx.logical();
                }
                if (idx.logical() <= logical) {
                    chosen = idx;
                    next = upper;
                } else if (chosen != null && next == upper) {
                    next = Math.min(upper, idx.logical());
                }
            }
            if (chosen == null) {
                // Before the first subtree (or an empty node): a hole up to it.
                return new Run(logical, Math.max(1, Math.min(first, upper) - logical), Run.ZEROS);
            }
            if (!g.contains(chosen.leaf(), 1)) {
                throw new CorruptStructureException(what, nodeOffset, "index points to block " + chosen.leaf()
                        + " outside the filesystem (" + g.blocksCount() + " blocks)");
            }
            for (int i = 0; i < visitedCount; i++) {
                if (visited[i] == chosen.leaf()) {
                    throw new CorruptStructureException(what, nodeOffset,
                            "index points back to block " + chosen.leaf() + " (the tree loops)");
                }
            }
            visited[visitedCount++] = chosen.leaf();
            upper = next;
            expectedDepth = h.depth() - 1;
            node = fs.metadataBlock(chosen.leaf());
            nodeOffset = g.offset(chosen.leaf());
            capacity = (g.blockSize() - ExtentHeader.SIZE) / ExtentHeader.ENTRY_SIZE;
        }
    }

    private Run leaf(ByteBuffer node, long nodeOffset, int entries, long logical, long upper, String what, Geometry g)
            throws CorruptStructureException {
        long previousEnd = 0;
        Extent hit = null;
        long nextStart = upper;
        for (int i = 0; i < entries; i++) {
            int at = ExtentHeader.SIZE + i * ExtentHeader.ENTRY_SIZE;
            Extent e = Extent.parse(node, at);
            if (e.length() == 0) {
                throw new CorruptStructureException(what, nodeOffset + at, "extent " + i + " has ee_len 0");
            }
            if (i > 0 && e.logical() < previousEnd) {
                throw new CorruptStructureException(what, nodeOffset + at, "extent " + i + " starts at logical block "
                        + e.logical() + ", before the previous extent ends (" + previousEnd + ")");
            }
            if (!g.contains(e.start(), e.length())) {
                throw new CorruptStructureException(what, nodeOffset + at, "extent " + i + " maps " + e.length()
                        + " blocks at block " + e.start() + ", outside the filesystem (" + g.blocksCount() + " blocks)");
            }
            previousEnd = e.logical() + e.length();
            if (e.logical() <= logical && logical < previousEnd) {
                hit = e;
            } else if (e.logical() > logical) {
                nextStart = Math.min(nextStart, e.logical());
            }
        }
        if (hit == null) {
            return new Run(logical, Math.max(1, nextStart - logical), Run.ZEROS);
        }
        long length = hit.logical() + hit.length() - logical;
        return new Run(logical, length, hit.uninitialized() ? Run.ZEROS : hit.start() + (logical - hit.logical()));
    }
}
