package org.jgrub.core.disk.msdos;

import java.util.List;

/**
 * A master boot record or an extended boot record: one 512-byte sector with boot code, a table of
 * four {@link MbrPartitionEntry} slots at byte 446 and the signature bytes 0x55 0xAA at byte 510
 * (GRUB's {@code struct grub_msdos_partition_mbr}, FreeBSD's {@code DOSPARTOFF} and
 * {@code DOSMAGICOFFSET} in {@code sys/sys/diskmbr.h}).
 *
 * @param entries   the four slots, in table order
 * @param signature the little-endian 16-bit word at byte 510; {@link #SIGNATURE} in a table
 */
public record BootRecord(List<MbrPartitionEntry> entries, int signature) {
    /** One sector. */
    public static final int SIZE = 512;
    /** Where the table starts (FreeBSD {@code DOSPARTOFF}). */
    public static final int TABLE_OFFSET = 446;
    /** Slots in the table (FreeBSD {@code NDOSPART}). */
    public static final int ENTRIES = 4;
    /** Where the signature is (FreeBSD {@code DOSMAGICOFFSET}). */
    public static final int SIGNATURE_OFFSET = 510;
    /** Bytes 0x55 0xAA read as a little-endian word (GRUB {@code GRUB_PC_PARTITION_SIGNATURE}). */
    public static final int SIGNATURE = 0xaa55;

    public BootRecord {
        entries = List.copyOf(entries);
    }

    /** Reads the first {@link #SIZE} bytes of {@code sector}. */
    public static BootRecord parse(byte[] sector) {
        if (sector.length < SIZE) {
            throw new IllegalArgumentException("a boot record is " + SIZE + " bytes, not " + sector.length);
        }
        MbrPartitionEntry[] e = new MbrPartitionEntry[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            e[i] = MbrPartitionEntry.parse(sector, TABLE_OFFSET + i * MbrPartitionEntry.SIZE);
        }
        int sig = (sector[SIGNATURE_OFFSET] & 0xff) | (sector[SIGNATURE_OFFSET + 1] & 0xff) << 8;
        return new BootRecord(List.of(e), sig);
    }

    public boolean hasSignature() {
        return signature == SIGNATURE;
    }

    /** The first slot whose boot indicator is neither 0x00 nor 0x80, or -1. */
    public int firstBadBootFlag() {
        for (int i = 0; i < ENTRIES; i++) {
            if (!entries.get(i).hasValidBootFlag()) {
                return i;
            }
        }
        return -1;
    }

    /** Byte offset of slot {@code index} inside the sector. */
    public static int entryOffset(int index) {
        return TABLE_OFFSET + index * MbrPartitionEntry.SIZE;
    }
}
