package org.jgrub.core.disk;

import java.util.List;
import org.jgrub.core.error.JgrubException;

/**
 * Finds every partition on a disk the way GRUB names them: the disk's MBR or GPT partitions
 * ({@code hd0,msdos1}, {@code hd0,msdos5} for the first logical one, {@code hd0,gpt2}) and the BSD
 * disklabel partitions inside a FreeBSD/OpenBSD/NetBSD slice or a GPT FreeBSD partition
 * ({@code hd0,msdos1,bsd1}).
 */
public final class PartitionScanner {
    private PartitionScanner() {}

    /**
     * All partitions of {@code disk}, parents before their children, each a bounded
     * {@link Partition}. A disk without any table yields an empty list (a filesystem may fill the
     * whole disk). A broken table is an error naming the structure, byte offset and value.
     */
    public static List<Partition> scan(BlockDevice disk) throws JgrubException {
        throw new UnsupportedOperationException("not yet");
    }
}
