package org.jgrub.core.disk.msdos;

/**
 * One 16-byte slot of an MBR or EBR partition table.
 *
 * <p>Layout (IBM PC partition table, as GRUB's {@code include/grub/msdos_partition.h} and
 * FreeBSD's {@code sys/sys/diskmbr.h} describe it; all numbers little-endian): byte 0 boot
 * indicator, bytes 1–3 CHS of the first sector (ignored: LBA is authoritative), byte 4 type,
 * bytes 5–7 CHS of the last sector (ignored), bytes 8–11 first sector (LBA), bytes 12–15 number of
 * sectors.
 *
 * @param bootFlag    0x00 or 0x80 in a real table
 * @param type        the partition type byte ({@code 0x83} Linux, {@code 0x05} extended, ...)
 * @param startSector first sector, unsigned 32-bit; relative to the MBR, or to the EBR (logical)
 *                    or the extended partition (link) inside an EBR
 * @param sectorCount length in sectors, unsigned 32-bit
 */
public record MbrPartitionEntry(int bootFlag, int type, long startSector, long sectorCount) {
    /** Size of one slot. */
    public static final int SIZE = 16;

    private static final int BOOT_FLAG = 0;
    private static final int TYPE = 4;
    private static final int START_LBA = 8;
    private static final int SECTOR_COUNT = 12;

    /** Type 0: an unused slot (GRUB's {@code GRUB_PC_PARTITION_TYPE_NONE}). */
    public static final int TYPE_EMPTY = 0x00;
    /** DOS extended partition (GRUB {@code GRUB_PC_PARTITION_TYPE_EXTENDED}). */
    public static final int TYPE_EXTENDED = 0x05;
    /** Windows 95 extended partition, LBA (GRUB {@code GRUB_PC_PARTITION_TYPE_WIN95_EXTENDED}). */
    public static final int TYPE_WIN95_EXTENDED = 0x0f;
    /** Linux extended partition (GRUB {@code GRUB_PC_PARTITION_TYPE_LINUX_EXTENDED}). */
    public static final int TYPE_LINUX_EXTENDED = 0x85;
    /** Protective MBR of a GPT disk (GRUB {@code GRUB_PC_PARTITION_TYPE_GPT_DISK}). */
    public static final int TYPE_GPT_DISK = 0xee;
    /** FreeBSD slice holding a BSD disklabel (GRUB {@code GRUB_PC_PARTITION_TYPE_FREEBSD}). */
    public static final int TYPE_FREEBSD = 0xa5;
    /** OpenBSD slice (GRUB {@code GRUB_PC_PARTITION_TYPE_OPENBSD}). */
    public static final int TYPE_OPENBSD = 0xa6;
    /** NetBSD slice (GRUB {@code GRUB_PC_PARTITION_TYPE_NETBSD}). */
    public static final int TYPE_NETBSD = 0xa9;

    /** Reads the slot at {@code offset} of {@code sector}. */
    public static MbrPartitionEntry parse(byte[] sector, int offset) {
        return new MbrPartitionEntry(
                sector[offset + BOOT_FLAG] & 0xff,
                sector[offset + TYPE] & 0xff,
                u32(sector, offset + START_LBA),
                u32(sector, offset + SECTOR_COUNT));
    }

    /** No partition here: type 0, or no sectors at all (a zero-length slot describes nothing). */
    public boolean isEmpty() {
        return type == TYPE_EMPTY || sectorCount == 0;
    }

    /** One of the three extended-partition types GRUB follows (0x05, 0x0F, 0x85). */
    public boolean isExtended() {
        return type == TYPE_EXTENDED || type == TYPE_WIN95_EXTENDED || type == TYPE_LINUX_EXTENDED;
    }

    /** A boot indicator other than 0x00 or 0x80 means these bytes are not a partition table. */
    public boolean hasValidBootFlag() {
        return (bootFlag & 0x7f) == 0;
    }

    /** The type as {@link org.jgrub.core.disk.PartitionEntry#type()} writes it: {@code 0x83}. */
    public String typeText() {
        return String.format("0x%02x", type);
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
