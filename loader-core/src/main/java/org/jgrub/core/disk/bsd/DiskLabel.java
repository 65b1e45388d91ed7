package org.jgrub.core.disk.bsd;

/**
 * The fixed part of a BSD disklabel ({@code struct disklabel} in FreeBSD's
 * {@code sys/sys/disklabel.h}, little-endian on x86), which sits in sector {@link #LABEL_SECTOR}
 * of its slice. Fields used here: d_magic at byte 0, d_type at 4, d_secsize at 40, d_secperunit at
 * 60, d_magic2 at 132, d_checksum at 136, d_npartitions at 138, d_bbsize at 140, d_sbsize at 144;
 * the partition table ({@link DiskLabelPartition}) follows at byte {@link #SIZE}.
 *
 * <p>d_checksum makes the XOR of all 16-bit words from byte 0 to the end of the
 * d_npartitions-entry table zero ({@link #checksum}).
 */
public record DiskLabel(long magic, int type, long sectorSize, long sectorsPerUnit, long magic2, int checksum,
        int partitionCount, long bootAreaSize, long superblockSize) {
    /** Bytes before the partition table (offset of d_partitions). */
    public static final int SIZE = 148;
    /** FreeBSD's {@code DISKMAGIC}; GRUB's {@code GRUB_PC_PARTITION_BSD_LABEL_MAGIC}. */
    public static final long DISKMAGIC = 0x82564557L;
    /** The label's sector in its slice on x86 (FreeBSD {@code LABELSECTOR}, GRUB's {@code GRUB_PC_PARTITION_BSD_LABEL_SECTOR}). */
    public static final int LABEL_SECTOR = 1;
    /** Index of the raw partition 'c' (FreeBSD {@code RAW_PART}, GRUB's {@code ..._WHOLE_DISK_PARTITION}). */
    public static final int RAW_PART = 2;
    /** The historic {@code MAXPARTITIONS} (8): a label of that many entries ends at byte 276 ({@code d_end_}). */
    public static final int MAXPARTITIONS_HISTORIC = 8;

    static final int MAGIC = 0;
    static final int MAGIC2 = 132;
    static final int CHECKSUM = 136;
    static final int NPARTITIONS = 138;

    public static DiskLabel parse(byte[] b) {
        if (b.length < SIZE) {
            throw new IllegalArgumentException("a disklabel header is " + SIZE + " bytes, not " + b.length);
        }
        return new DiskLabel(u32(b, MAGIC), u16(b, 4), u32(b, 40), u32(b, 60), u32(b, MAGIC2), u16(b, CHECKSUM),
                u16(b, NPARTITIONS), u32(b, 140), u32(b, 144));
    }

    /** Bytes of a label with {@code partitions} entries. */
    public static int labelSize(int partitions) {
        return SIZE + partitions * DiskLabelPartition.SIZE;
    }

    /** XOR of the 16-bit words of {@code label[0, labelSize(partitions))}: zero for a label whose checksum is right. */
    public static int checksum(byte[] label, int partitions) {
        int x = 0;
        for (int i = 0; i < labelSize(partitions); i += 2) {
            x ^= u16(label, i);
        }
        return x;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
