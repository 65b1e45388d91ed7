package org.jgrub.core.disk.bsd;

import static org.jgrub.core.disk.DiskImages.putLe;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a little-endian BSD disklabel from FreeBSD's {@code sys/sys/disklabel.h} (no BSD tools
 * exist on this host): d_magic at 0, d_type at 4, d_secsize at 40, d_nsectors at 44, d_ntracks at
 * 48, d_ncylinders at 52, d_secpercyl at 56, d_secperunit at 60, d_magic2 at 132, d_checksum at
 * 136, d_npartitions at 138, d_bbsize at 140, d_sbsize at 144, then 16-byte partitions (p_size,
 * p_offset, p_fsize, p_fstype, p_frag, p_cpg) from byte 148. d_checksum is chosen so that the XOR
 * of all 16-bit words up to the end of the partition table is zero.
 */
final class DiskLabelWriter {
    static final long DISKMAGIC = 0x82564557L;

    record Part(long size, long offset, int fsType) {}

    private final List<Part> parts = new ArrayList<>();
    private long magic2 = DISKMAGIC;
    private int npartitionsOverride = -1;
    private long secPerUnit;

    DiskLabelWriter secPerUnit(long sectors) {
        this.secPerUnit = sectors;
        return this;
    }

    /** Appends the next partition ('a', 'b', 'c', ...); size 0 leaves it unused. */
    DiskLabelWriter part(long size, long offset, int fsType) {
        parts.add(new Part(size, offset, fsType));
        return this;
    }

    DiskLabelWriter magic2(long value) {
        magic2 = value;
        return this;
    }

    /** Writes this d_npartitions instead of the number of parts added. */
    DiskLabelWriter npartitions(int n) {
        npartitionsOverride = n;
        return this;
    }

    /** The 512-byte label sector. */
    byte[] build() {
        byte[] b = new byte[512];
        putLe(b, 0, DISKMAGIC, 4);
        putLe(b, 4, 4, 2);          // DTYPE_SCSI
        putLe(b, 40, 512, 4);       // d_secsize
        putLe(b, 44, 63, 4);        // d_nsectors
        putLe(b, 48, 16, 4);        // d_ntracks
        putLe(b, 52, secPerUnit / (63 * 16), 4);
        putLe(b, 56, 63 * 16, 4);
        putLe(b, 60, secPerUnit, 4);
        putLe(b, 72, 3600, 2);      // d_rpm
        putLe(b, 74, 1, 2);         // d_interleave
        putLe(b, 132, magic2, 4);
        int n = npartitionsOverride >= 0 ? npartitionsOverride : parts.size();
        putLe(b, 138, n, 2);
        putLe(b, 140, 8192, 4);     // d_bbsize (BBSIZE)
        putLe(b, 144, 0, 4);        // d_sbsize
        for (int i = 0; i < parts.size(); i++) {
            int at = 148 + 16 * i;
            Part p = parts.get(i);
            putLe(b, at, p.size(), 4);
            putLe(b, at + 4, p.offset(), 4);
            putLe(b, at + 8, p.fsType() == 7 ? 4096 : 0, 4);
            b[at + 12] = (byte) p.fsType();
            b[at + 13] = (byte) (p.fsType() == 7 ? 8 : 0);
        }
        int end = Math.min(512, 148 + 16 * n);
        int x = 0;
        for (int i = 0; i < end; i += 2) {
            x ^= (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
        }
        putLe(b, 136, x, 2);
        return b;
    }
}
