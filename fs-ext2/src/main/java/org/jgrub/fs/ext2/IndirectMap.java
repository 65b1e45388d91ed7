package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;

/**
 * The ext2/ext3 block map ("Direct/Indirect Block Addressing"): i_block[0..11] point at data,
 * i_block[12] at a block of pointers, [13] at a block of pointer blocks, [14] one level more.
 * A zero pointer is a hole. Every non-zero pointer is checked against the filesystem size
 * before it is followed or read from.
 */
final class IndirectMap implements BlockMap {
    private final Ext2FileSystem fs;
    private final long ino;
    private final long inodeOffset;
    private final ByteBuffer iblock;
    private final long perBlock;
    private final long maxBlocks;

    IndirectMap(Ext2FileSystem fs, long ino, long inodeOffset, Inode inode) {
        this.fs = fs;
        this.ino = ino;
        this.inodeOffset = inodeOffset;
        this.iblock = inode.blockBuffer();
        this.perBlock = fs.geometry().blockSize() / 4;
        long p = perBlock;
        // Logical block numbers are 32 bits whatever the map could address.
        this.maxBlocks = Math.min(1L << 32, Inode.EXT2_NDIR_BLOCKS + p + p * p + p * p * p);
    }

    @Override
    public long maxBlocks() {
        return maxBlocks;
    }

    @Override
    public Run find(long logical) throws JgrubException {
        long p = perBlock;
        if (logical < Inode.EXT2_NDIR_BLOCKS) {
            return runIn(iblock, (int) logical, Inode.EXT2_NDIR_BLOCKS, logical, inodeOffset + Inode.I_BLOCK_OFFSET);
        }
        long rel = logical - Inode.EXT2_NDIR_BLOCKS;
        int slot = Inode.EXT2_IND_BLOCK;
        long span = p;
        if (rel >= span) {
            rel -= span;
            slot = Inode.EXT2_DIND_BLOCK;
            span = p * p;
            if (rel >= span) {
                rel -= span;
                slot = Inode.EXT2_TIND_BLOCK;
                span = p * p * p;
                if (rel >= span) {
                    return new Run(logical, Long.MAX_VALUE / 2, Run.ZEROS);
                }
            }
        }
        long ptr = Integer.toUnsignedLong(iblock.getInt(slot * 4));
        long ptrAt = inodeOffset + Inode.I_BLOCK_OFFSET + slot * 4L;
        while (true) {
            // ptr points at a block of pointers, each covering span / p logical blocks.
            if (ptr == 0) {
                return new Run(logical, span - rel, Run.ZEROS);
            }
            check(ptr, 1, ptrAt);
            ByteBuffer b = fs.metadataBlock(ptr);
            long blockAt = fs.geometry().offset(ptr);
            span /= p;
            int idx = (int) (rel / span);
            rel %= span;
            if (span == 1) {
                return runIn(b, idx, (int) p, logical, blockAt);
            }
            ptrAt = blockAt + idx * 4L;
            ptr = Integer.toUnsignedLong(b.getInt(idx * 4));
        }
    }

    /** The run starting at pointer {@code idx} of a pointer array, extended while contiguous. */
    private Run runIn(ByteBuffer b, int idx, int count, long logical, long arrayAt) throws CorruptStructureException {
        long first = Integer.toUnsignedLong(b.getInt(idx * 4));
        int n = 1;
        while (idx + n < count) {
            long next = Integer.toUnsignedLong(b.getInt((idx + n) * 4));
            if (first == 0 ? next != 0 : next != first + n) {
                break;
            }
            n++;
        }
        if (first == 0) {
            return new Run(logical, n, Run.ZEROS);
        }
        check(first, n, arrayAt + idx * 4L);
        return new Run(logical, n, first);
    }

    private void check(long block, long count, long at) throws CorruptStructureException {
        Geometry g = fs.geometry();
        if (!g.contains(block, count)) {
            throw new CorruptStructureException(fs.typeName() + " block map of inode " + ino, at, "block pointer "
                    + block + " lies outside the filesystem (" + g.blocksCount() + " blocks)");
        }
    }
}
