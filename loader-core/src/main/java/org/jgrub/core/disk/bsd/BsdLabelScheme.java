package org.jgrub.core.disk.bsd;

import java.util.ArrayList;
import java.util.List;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.disk.Partition;
import org.jgrub.core.disk.PartitionEntry;
import org.jgrub.core.disk.PartitionScheme;
import org.jgrub.core.disk.gpt.Guid;
import org.jgrub.core.disk.msdos.MbrPartitionEntry;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.NotThisFormatException;

/**
 * A BSD disklabel inside a slice: partitions {@code bsd1} ('a'), {@code bsd2} ('b'), ... named
 * after their index in the label, as GRUB's {@code partmap/bsdlabel.c} does.
 *
 * <p>Where it is looked for ({@link #mayHold}): MBR slices of type 0xA5 (FreeBSD), 0xA6 (OpenBSD)
 * and 0xA9 (NetBSD), and GPT partitions of type FreeBSD disklabel
 * ({@value #GPT_FREEBSD_TYPE}, FreeBSD {@code GPT_ENT_TYPE_FREEBSD} in {@code sys/sys/disk/gpt.h}).
 * The label is at sector 1 of the slice; no DISKMAGIC at d_magic there means no label
 * ({@link NotThisFormatException}).
 *
 * <p>Decisions, with their sources:
 * <ul>
 *   <li>d_magic2 must also be DISKMAGIC, else the label is corrupt (FreeBSD's kernel checks both;
 *       GRUB only d_magic).</li>
 *   <li>d_npartitions may be at most what fits in the label's sector after the 148-byte header:
 *       22 with 512-byte sectors. FreeBSD's MAXPARTITIONS is 20 today (8 historically), OpenBSD's
 *       and NetBSD's 16; GRUB has no limit at all. Anything larger cannot be a real label, so it is
 *       corrupt. d_checksum is not verified: neither GRUB nor FreeBSD's loader does.</li>
 *   <li>Entries with p_size 0 are unused and the raw partition 'c' (index 2) is never listed, but
 *       the numbers stay fixed ({@code bsd4} is 'd'); GRUB skips on size, not on p_fstype.</li>
 *   <li>Offsets. FreeBSD labels ({@code 0xA5} or the GPT type): the offset of 'c' is the base all
 *       other offsets count from — 0 in a slice-relative label, the slice's own start in a
 *       traditional absolute one; GRUB (for an MBR slice) and FreeBSD's loader both subtract it.
 *       OpenBSD and NetBSD labels always hold disk-absolute offsets (GRUB: "even when the label
 *       is inside a partition it describes the whole disk"), so the slice's start is subtracted.
 *       Entries starting before the base are not inside this slice (e.g. NetBSD's whole-disk 'd')
 *       and are skipped, as GRUB's "improperly nested partition". A label on a bare disk uses
 *       offsets as they are.</li>
 *   <li>Every remaining entry must lie inside the slice, else the label is corrupt.</li>
 * </ul>
 */
public final class BsdLabelScheme implements PartitionScheme {
    /** GRUB's name. */
    public static final String NAME = "bsd";
    /** FreeBSD's GPT partition type holding a disklabel (sgdisk code a500). */
    public static final String GPT_FREEBSD_TYPE = "516e7cb4-6ecf-11d6-8ff8-00022d09712b";

    @Override
    public String name() {
        return NAME;
    }

    /** Whether a partition of this kind can hold a BSD disklabel. */
    public static boolean mayHold(PartitionEntry entry) {
        return flavour(entry) != Flavour.NONE;
    }

    private enum Flavour { NONE, FREEBSD, DISK_ABSOLUTE }

    private static Flavour flavour(PartitionEntry e) {
        if (e.scheme().equals("msdos")) {
            int type = msdosType(e.type());
            if (type == MbrPartitionEntry.TYPE_FREEBSD) {
                return Flavour.FREEBSD;
            }
            if (type == MbrPartitionEntry.TYPE_OPENBSD || type == MbrPartitionEntry.TYPE_NETBSD) {
                return Flavour.DISK_ABSOLUTE;
            }
        } else if (e.scheme().equals("gpt") && e.type().equalsIgnoreCase(GPT_FREEBSD_TYPE)) {
            return Flavour.FREEBSD;
        }
        return Flavour.NONE;
    }

    private static int msdosType(String text) {
        try {
            return text.startsWith("0x") ? Integer.parseInt(text.substring(2), 16) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public List<PartitionEntry> read(BlockDevice slice) throws JgrubException {
        Flavour flavour = Flavour.FREEBSD;
        long sliceStartSector = 0;
        int ss = slice.sectorSize();
        if (slice instanceof Partition p) {
            flavour = flavour(p.entry());
            if (flavour == Flavour.NONE) {
                throw new NotThisFormatException(slice.name() + ": a " + p.entry().scheme() + " partition of type "
                        + p.entry().type() + " holds no BSD disklabel");
            }
            sliceStartSector = p.entry().startByte() / ss;
        }
        long at = (long) DiskLabel.LABEL_SECTOR * ss;
        if (slice.size() < at + ss) {
            throw new NotThisFormatException(slice.name() + ": too small for a BSD disklabel");
        }
        byte[] sector = slice.read(at, ss);
        DiskLabel label = DiskLabel.parse(sector);
        String what = slice.name() + " BSD disklabel";
        if (label.magic() != DiskLabel.DISKMAGIC) {
            throw new NotThisFormatException(slice.name() + ": no BSD disklabel magic at byte " + at);
        }
        if (label.magic2() != DiskLabel.DISKMAGIC) {
            throw new CorruptStructureException(what, at + DiskLabel.MAGIC2,
                    String.format("d_magic2 0x%08x is not 0x%08x", label.magic2(), DiskLabel.DISKMAGIC));
        }
        int max = (ss - DiskLabel.SIZE) / DiskLabelPartition.SIZE;
        int n = label.partitionCount();
        if (n > max) {
            throw new CorruptStructureException(what, at + DiskLabel.NPARTITIONS,
                    "d_npartitions " + n + " is more than the " + max + " entries that fit in its sector");
        }
        List<DiskLabelPartition> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(DiskLabelPartition.parse(sector, DiskLabel.labelSize(i)));
        }
        long base;
        if (flavour == Flavour.DISK_ABSOLUTE) {
            base = sliceStartSector;
        } else {
            base = n > DiskLabel.RAW_PART ? parts.get(DiskLabel.RAW_PART).offset() : 0;
        }
        List<PartitionEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DiskLabelPartition d = parts.get(i);
            if (i == DiskLabel.RAW_PART || d.size() == 0 || d.offset() < base) {
                continue;
            }
            PartitionEntry e = new PartitionEntry(NAME, i + 1, (d.offset() - base) * ss, d.size() * ss,
                    String.format("0x%02x", d.fsType()), "");
            Partition.of(slice, e, at + DiskLabel.labelSize(i));
            out.add(e);
        }
        return out;
    }
}
