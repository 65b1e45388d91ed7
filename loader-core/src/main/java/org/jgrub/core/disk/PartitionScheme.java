package org.jgrub.core.disk;

import java.util.List;
import org.jgrub.core.error.JgrubException;

/** A partition table format: MBR ({@code msdos}), GPT, BSD disklabel. */
public interface PartitionScheme {
    /** GRUB's name, used in device names: {@code msdos}, {@code gpt}, {@code bsd}. */
    String name();

    /**
     * The partitions of {@code device}, in GRUB's numbering, each checked to lie inside the
     * device. Throws {@link org.jgrub.core.error.NotThisFormatException} when the device does not
     * hold this kind of table, and {@link org.jgrub.core.error.CorruptStructureException} (naming
     * the structure, byte offset and value) when it holds a broken one.
     */
    List<PartitionEntry> read(BlockDevice device) throws JgrubException;
}
