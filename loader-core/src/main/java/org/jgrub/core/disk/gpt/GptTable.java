package org.jgrub.core.disk.gpt;

import java.util.List;
import org.jgrub.core.disk.PartitionEntry;

/**
 * A GPT as read: the header copy that was used, the partitions it lists, and why the backup was
 * used when it was.
 *
 * @param header     the header whose CRCs, LBAs and entry array checked out
 * @param fromBackup true when the primary header or its entry array was bad
 * @param partitions used entries, {@code gptN} being slot N of the array
 * @param note       empty, or one line saying what was wrong with the primary copy
 */
public record GptTable(GptHeader header, boolean fromBackup, List<PartitionEntry> partitions, String note) {
    public GptTable {
        partitions = List.copyOf(partitions);
    }
}
