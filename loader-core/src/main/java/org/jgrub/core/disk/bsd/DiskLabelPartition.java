package org.jgrub.core.disk.bsd;

/**
 * One entry of a BSD disklabel's partition table ({@code struct partition} in FreeBSD's
 * {@code sys/sys/disklabel.h}; little-endian on x86): bytes 0–3 p_size (sectors), 4–7 p_offset
 * (first sector), 8–11 p_fsize, byte 12 p_fstype, byte 13 p_frag, bytes 14–15 p_cpg.
 *
 * @param size    p_size, unsigned 32-bit, in sectors
 * @param offset  p_offset, unsigned 32-bit, in sectors
 * @param fsType  p_fstype ({@link #FS_UNUSED}, {@link #FS_BSDFFS}, ...)
 */
public record DiskLabelPartition(long size, long offset, long fragmentSize, int fsType, int fragments, int cylindersPerGroup) {
    /** Bytes of one entry. */
    public static final int SIZE = 16;

    /** p_fstype of an unused entry (FreeBSD {@code FS_UNUSED}). */
    public static final int FS_UNUSED = 0;
    /** p_fstype of swap (FreeBSD {@code FS_SWAP}). */
    public static final int FS_SWAP = 1;
    /** p_fstype of UFS (FreeBSD {@code FS_BSDFFS}). */
    public static final int FS_BSDFFS = 7;

    public static DiskLabelPartition parse(byte[] b, int at) {
        return new DiskLabelPartition(DiskLabel.u32(b, at), DiskLabel.u32(b, at + 4), DiskLabel.u32(b, at + 8),
                b[at + 12] & 0xff, b[at + 13] & 0xff, DiskLabel.u16(b, at + 14));
    }
}
