package org.jgrub.core.disk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jgrub.core.disk.bsd.BsdLabelScheme;
import org.jgrub.core.disk.gpt.GptScheme;
import org.jgrub.core.disk.gpt.GptTable;
import org.jgrub.core.disk.msdos.MsdosScheme;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.NotThisFormatException;

/**
 * Finds every partition on a disk the way GRUB names them: the disk's MBR or GPT partitions
 * ({@code hd0,msdos1}, {@code hd0,msdos5} for the first logical one, {@code hd0,gpt2}) and the BSD
 * disklabel partitions inside a FreeBSD/OpenBSD/NetBSD slice or a GPT FreeBSD partition
 * ({@code hd0,msdos1,bsd1}).
 */
public final class PartitionScanner {
    /** Tried in order on the whole disk; the first that recognises its table wins (GPT before MBR). */
    public static final List<PartitionScheme> DISK_SCHEMES = List.of(new GptScheme(), new MsdosScheme());
    /** Tried on every partition found on the disk; each says NotThisFormat where it does not apply. */
    public static final List<PartitionScheme> NESTED_SCHEMES = List.of(new BsdLabelScheme());

    private PartitionScanner() {}

    /**
     * All partitions of {@code disk}, parents before their children, each a bounded
     * {@link Partition}. A disk without any table yields an empty list (a filesystem may fill the
     * whole disk). A broken table is an error naming the structure, byte offset and value.
     */
    public static List<Partition> scan(BlockDevice disk) throws JgrubException {
        return scan(disk, note -> {});
    }

    /** As {@link #scan(BlockDevice)}, passing one-line notes (e.g. "using the backup GPT") to {@code notes}. */
    public static List<Partition> scan(BlockDevice disk, Consumer<String> notes) throws JgrubException {
        List<Partition> out = new ArrayList<>();
        for (PartitionScheme scheme : DISK_SCHEMES) {
            List<PartitionEntry> entries;
            try {
                entries = read(scheme, disk, notes);
            } catch (NotThisFormatException e) {
                continue;
            }
            for (PartitionEntry entry : entries) {
                // Schemes check their entries; this is the last guard: one line, never an IllegalArgumentException.
                Partition p = Partition.of(disk, entry, entry.startByte());
                out.add(p);
                for (PartitionScheme nested : NESTED_SCHEMES) {
                    try {
                        for (PartitionEntry child : read(nested, p, notes)) {
                            out.add(Partition.of(p, child, child.startByte()));
                        }
                    } catch (NotThisFormatException e) {
                        // this partition holds no such table
                    }
                }
            }
            break;
        }
        return out;
    }

    private static List<PartitionEntry> read(PartitionScheme scheme, BlockDevice device, Consumer<String> notes)
            throws JgrubException {
        if (scheme instanceof GptScheme gpt) {
            GptTable table = gpt.readTable(device);
            if (!table.note().isEmpty()) {
                notes.accept(table.note());
            }
            return table.partitions();
        }
        return scheme.read(device);
    }
}
