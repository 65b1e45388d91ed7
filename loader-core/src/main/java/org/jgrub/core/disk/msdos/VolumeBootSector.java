package org.jgrub.core.disk.msdos;

import java.nio.charset.StandardCharsets;

/**
 * Recognises the boot sector of a FAT, exFAT or NTFS filesystem that fills a whole disk. Such a
 * sector also ends in 0x55 0xAA, and its boot code or message text lies where an MBR keeps its
 * partition table, so sector 0 alone cannot say which it is.
 *
 * <p>The facts used: a jump instruction at byte 0 ({@code EB xx 90} or {@code E9 xx xx}); the OEM
 * name at byte 3 is {@code "NTFS    "} or {@code "EXFAT   "}; or a plausible FAT BIOS parameter
 * block (Microsoft's FAT specification: BPB_BytsPerSec at byte 11 is 512, 1024, 2048 or 4096,
 * BPB_SecPerClus at byte 13 a power of two, BPB_RsvdSecCnt at byte 14 non-zero, BPB_NumFATs at
 * byte 16 non-zero, BPB_Media at byte 21 0xF0 or 0xF8–0xFF).
 */
public final class VolumeBootSector {
    private static final int JMP_SHORT = 0xeb;
    private static final int NOP = 0x90;
    private static final int JMP_NEAR = 0xe9;
    private static final int OEM_NAME = 3;
    private static final int BYTES_PER_SECTOR = 11;
    private static final int SECTORS_PER_CLUSTER = 13;
    private static final int RESERVED_SECTORS = 14;
    private static final int NUMBER_OF_FATS = 16;
    private static final int MEDIA = 21;

    private VolumeBootSector() {}

    /** Whether {@code sector} (at least 512 bytes) looks like a FAT, exFAT or NTFS boot sector. */
    public static boolean looksLikeFilesystem(byte[] sector) {
        int b0 = sector[0] & 0xff;
        boolean jump = (b0 == JMP_SHORT && (sector[2] & 0xff) == NOP) || b0 == JMP_NEAR;
        if (!jump) {
            return false;
        }
        String oem = new String(sector, OEM_NAME, 8, StandardCharsets.ISO_8859_1);
        if (oem.equals("NTFS    ") || oem.equals("EXFAT   ")) {
            return true;
        }
        int bytesPerSector = (sector[BYTES_PER_SECTOR] & 0xff) | (sector[BYTES_PER_SECTOR + 1] & 0xff) << 8;
        int perCluster = sector[SECTORS_PER_CLUSTER] & 0xff;
        int reserved = (sector[RESERVED_SECTORS] & 0xff) | (sector[RESERVED_SECTORS + 1] & 0xff) << 8;
        int fats = sector[NUMBER_OF_FATS] & 0xff;
        int media = sector[MEDIA] & 0xff;
        return (bytesPerSector == 512 || bytesPerSector == 1024 || bytesPerSector == 2048 || bytesPerSector == 4096)
                && perCluster != 0 && Integer.bitCount(perCluster) == 1
                && reserved != 0 && fats != 0
                && (media == 0xf0 || media >= 0xf8);
    }
}
