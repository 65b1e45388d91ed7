package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.error.JgrubException;

/**
 * A small LRU cache of metadata blocks (group descriptors, inode tables, extent and indirect
 * blocks). File data never goes through it: it is read straight into the caller's buffer.
 */
final class BlockCache {
    /** Enough for the descriptor block, a few inode-table blocks and one path through a deep tree. */
    static final int BUDGET_BYTES = 1 << 20;

    private final BlockDevice device;
    private final int blockSize;
    private final Map<Long, ByteBuffer> blocks;

    BlockCache(BlockDevice device, int blockSize) {
        this.device = device;
        this.blockSize = blockSize;
        int capacity = Math.max(8, BUDGET_BYTES / blockSize);
        this.blocks = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, ByteBuffer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Block {@code block} (already range-checked) as a read-only little-endian buffer at position 0. */
    synchronized ByteBuffer get(long block) throws JgrubException {
        ByteBuffer b = blocks.get(block);
        if (b == null) {
            b = ByteBuffer.allocate(blockSize);
            device.read(block * blockSize, b);
            b.flip();
            blocks.put(block, b);
        }
        return b.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }
}
