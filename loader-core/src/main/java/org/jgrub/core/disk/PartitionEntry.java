package org.jgrub.core.disk;

/**
 * One partition as a table describes it.
 *
 * @param scheme    GRUB's name of the table: {@code msdos}, {@code gpt} or {@code bsd}
 * @param number    GRUB's 1-based number ({@code msdos5} is the first logical partition)
 * @param startByte offset of the first byte inside the parent device
 * @param sizeBytes length in bytes
 * @param type      the type as the table writes it: {@code 0x83} for MBR/BSD ({@code fstype} for
 *                  BSD), the type GUID in lower case for GPT
 * @param label     GPT partition name, or empty
 */
public record PartitionEntry(String scheme, int number, long startByte, long sizeBytes, String type, String label) {}
