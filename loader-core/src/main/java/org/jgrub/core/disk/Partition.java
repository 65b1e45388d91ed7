package org.jgrub.core.disk;

import java.nio.ByteBuffer;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;

/**
 * A bounded view of part of a parent device: offsets are relative to the partition's start and
 * every read is checked against the partition's own size before it reaches the parent.
 *
 * @param entry what the partition table said about it
 */
public record Partition(BlockDevice parent, PartitionEntry entry) implements BlockDevice {
    public Partition {
        long start = entry.startByte();
        long length = entry.sizeBytes();
        if (start < 0 || length <= 0 || start > parent.size() || length > parent.size() - start) {
            throw new IllegalArgumentException("partition " + entry + " does not fit in " + parent.name());
        }
    }

    /** Makes the partition, or explains in one line why the table's entry does not fit its disk. */
    public static Partition of(BlockDevice parent, PartitionEntry entry, long tableOffset) throws CorruptStructureException {
        long start = entry.startByte();
        long length = entry.sizeBytes();
        if (start < 0 || length <= 0 || start > parent.size() || length > parent.size() - start) {
            throw new CorruptStructureException(parent.name() + " " + entry.scheme() + " partition " + entry.number(),
                    tableOffset, "bytes [" + start + ", +" + length + ") do not fit in the " + parent.size()
                    + "-byte device");
        }
        return new Partition(parent, entry);
    }

    @Override
    public String name() {
        return parent.name() + "," + entry.scheme() + entry.number();
    }

    @Override
    public long size() {
        return entry.sizeBytes();
    }

    @Override
    public int sectorSize() {
        return parent.sectorSize();
    }

    @Override
    public void read(long offset, ByteBuffer dst) throws JgrubException {
        checkRange(offset, dst.remaining());
        parent.read(entry.startByte() + offset, dst);
    }
}
