package org.jgrub.core.disk.gpt;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.disk.Partition;
import org.jgrub.core.disk.PartitionEntry;
import org.jgrub.core.disk.PartitionScheme;
import org.jgrub.core.disk.msdos.BootRecord;
import org.jgrub.core.disk.msdos.MbrPartitionEntry;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.NotThisFormatException;

/**
 * The GUID partition table. As GRUB's {@code partmap/gpt.c}, a disk is only GPT when sector 0 is
 * an MBR (0x55 0xAA) with a slot of type 0xEE; without one this is {@link NotThisFormatException}.
 *
 * <p>The header copies are checked as the UEFI specification's GPT chapter says (signature,
 * HeaderSize between 92 and the sector size, header CRC32, MyLBA, then the entry array's CRC32),
 * plus what a hostile image needs: revision at least 1.0, usable range inside the disk, entry size
 * at least 128 and a multiple of 8, the array at most {@link #MAX_ARRAY_BYTES}, inside the disk and
 * clear of the header and the usable range. The primary copy (LBA 1) is used when it passes;
 * otherwise the backup — at the primary's AlternateLBA when the primary header itself was sound,
 * else at the disk's last LBA — with its own array, and {@link GptTable#note()} says why. When
 * neither copy even has the "EFI PART" signature the disk has no GPT (GRUB: "no valid GPT
 * header"); when both have it and both fail, the error names both problems.
 *
 * <p>Entries with an all-zero type GUID are unused. {@code gptN} is slot N of the array (1-based),
 * used or not, so a disk whose first slot is empty starts at {@code gpt2}. An entry whose last LBA
 * is below its first, or that runs past the disk, is corrupt.
 */
public final class GptScheme implements PartitionScheme {
    /** GRUB's name. */
    public static final String NAME = "gpt";
    /** The largest entry array read (32768 entries of 128 bytes; tools write 128 entries). */
    public static final long MAX_ARRAY_BYTES = 4L << 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PartitionEntry> read(BlockDevice device) throws JgrubException {
        return readTable(device).partitions();
    }

    /** Reads the GPT, saying which copy was used. */
    public GptTable readTable(BlockDevice device) throws JgrubException {
        int ss = device.sectorSize();
        long sectors = device.size() / ss;
        if (sectors < 3) {
            throw new NotThisFormatException(device.name() + ": too small for a GPT (" + device.size() + " bytes)");
        }
        BootRecord mbr = BootRecord.parse(device.read(0, BootRecord.SIZE));
        if (!mbr.hasSignature()) {
            throw new NotThisFormatException(device.name() + ": no MBR signature, so no protective MBR");
        }
        if (mbr.entries().stream().noneMatch(e -> e.type() == MbrPartitionEntry.TYPE_GPT_DISK)) {
            throw new NotThisFormatException(device.name() + ": MBR has no slot of type 0xee: not a GPT disk");
        }

        Copy primary = readCopy(device, GptHeader.PRIMARY_LBA, sectors);
        if (primary.problem == null) {
            return table(device, primary, false, "");
        }
        long alt = primary.headerSound ? primary.header.alternateLba() : -1;
        long backupLba = alt > GptHeader.PRIMARY_LBA && alt < sectors ? alt : sectors - 1;
        Copy backup = readCopy(device, backupLba, sectors);
        if (backup.problem == null) {
            return table(device, backup, true, device.name() + ": primary GPT at byte " + ss + " is bad ("
                    + primary.problem + "); using the backup at byte " + backupLba * ss);
        }
        if (!primary.header.hasSignature() && !backup.header.hasSignature()) {
            throw new NotThisFormatException(device.name() + ": protective MBR but no \"EFI PART\" header at LBA 1 or "
                    + backupLba);
        }
        throw new CorruptStructureException(device.name() + " GPT header", GptHeader.PRIMARY_LBA * ss,
                primary.problem + "; backup header at byte " + backupLba * ss + ": " + backup.problem);
    }

    /** One header copy and its array; {@code problem} is null when both are sound. */
    private record Copy(long lba, GptHeader header, boolean headerSound, byte[] array, String problem) {}

    private static Copy readCopy(BlockDevice device, long lba, long sectors) throws JgrubException {
        int ss = device.sectorSize();
        byte[] sector = device.read(lba * ss, ss);
        GptHeader h = GptHeader.parse(sector);
        String problem = headerProblem(h, sector, lba, sectors, ss);
        if (problem != null) {
            return new Copy(lba, h, false, null, problem);
        }
        long arrayBytes = h.entryCount() * h.entrySize();
        byte[] array = device.read(h.entryArrayLba() * ss, (int) arrayBytes);
        CRC32 crc = new CRC32();
        crc.update(array);
        if (crc.getValue() != h.entryArrayCrc()) {
            return new Copy(lba, h, true, null, String.format(
                    "partition entry array CRC32 0x%08x does not match 0x%08x", h.entryArrayCrc(), crc.getValue()));
        }
        return new Copy(lba, h, true, array, null);
    }

    /** Null when the header at {@code lba} can be trusted to locate its array; else one line. */
    private static String headerProblem(GptHeader h, byte[] sector, long lba, long sectors, int ss) {
        if (!h.hasSignature()) {
            return "no \"EFI PART\" signature";
        }
        if (h.headerSize() < GptHeader.SIZE || h.headerSize() > ss) {
            return "header size " + h.headerSize() + " is not between " + GptHeader.SIZE + " and " + ss;
        }
        long crc = GptHeader.computeCrc(sector, (int) h.headerSize());
        if (crc != h.headerCrc()) {
            return String.format("header CRC32 0x%08x does not match 0x%08x", h.headerCrc(), crc);
        }
        if (h.revision() < GptHeader.REVISION_1_0) {
            return String.format("revision 0x%08x is older than 1.0", h.revision());
        }
        if (h.myLba() != lba) {
            return "MyLBA " + Long.toUnsignedString(h.myLba()) + " is not " + lba + ", where the header is";
        }
        if (h.alternateLba() == lba) {
            return "AlternateLBA " + lba + " is this header's own LBA";
        }
        if (Long.compareUnsigned(h.firstUsableLba(), h.lastUsableLba()) > 0) {
            return "first usable LBA " + Long.toUnsignedString(h.firstUsableLba()) + " is after the last usable LBA "
                    + Long.toUnsignedString(h.lastUsableLba());
        }
        if (Long.compareUnsigned(h.lastUsableLba(), sectors) >= 0) {
            return "last usable LBA " + Long.toUnsignedString(h.lastUsableLba()) + " is past the disk's last LBA "
                    + (sectors - 1) + " (truncated image?)";
        }
        if (h.entrySize() < GptEntry.SIZE || h.entrySize() % 8 != 0) {
            return "partition entry size " + h.entrySize() + " is not a multiple of 8 of at least " + GptEntry.SIZE;
        }
        long arrayBytes = h.entryCount() * h.entrySize(); // both below 2^32: no overflow
        if (arrayBytes > MAX_ARRAY_BYTES) {
            return h.entryCount() + " entries of " + h.entrySize() + " bytes exceed the " + MAX_ARRAY_BYTES
                    + "-byte limit on the entry array";
        }
        long arraySectors = (arrayBytes + ss - 1) / ss;
        long first = h.entryArrayLba();
        if (Long.compareUnsigned(first, sectors) >= 0 || arraySectors > sectors - first) {
            return "partition entry array at LBA " + Long.toUnsignedString(first) + " (" + arraySectors
                    + " sectors) runs past the disk's " + sectors + " sectors";
        }
        long end = first + arraySectors; // exclusive
        if (arraySectors > 0 && (first == 0 || (first <= lba && lba < end))) {
            return "partition entry array at LBA " + first + " overlaps the MBR or this header";
        }
        if (arraySectors > 0 && first <= h.lastUsableLba() && h.firstUsableLba() < end) {
            return "partition entry array at LBA " + first + "-" + (end - 1) + " overlaps the usable LBAs "
                    + h.firstUsableLba() + "-" + h.lastUsableLba();
        }
        return null;
    }

    private static GptTable table(BlockDevice device, Copy copy, boolean backup, String note)
            throws CorruptStructureException {
        int ss = device.sectorSize();
        long sectors = device.size() / ss;
        GptHeader h = copy.header;
        int size = (int) h.entrySize();
        List<PartitionEntry> out = new ArrayList<>();
        for (int i = 0; i < h.entryCount(); i++) {
            GptEntry e = GptEntry.parse(copy.array, i * size);
            if (e.isUnused()) {
                continue;
            }
            long at = h.entryArrayLba() * ss + (long) i * size;
            String what = device.name() + " GPT entry " + (i + 1);
            if (Long.compareUnsigned(e.firstLba(), e.lastLba()) > 0) {
                throw new CorruptStructureException(what, at, "first LBA " + Long.toUnsignedString(e.firstLba())
                        + " is after last LBA " + Long.toUnsignedString(e.lastLba()));
            }
            if (Long.compareUnsigned(e.lastLba(), sectors) >= 0) {
                throw new CorruptStructureException(what, at, "LBAs " + Long.toUnsignedString(e.firstLba()) + "-"
                        + Long.toUnsignedString(e.lastLba()) + " run past the disk's last LBA " + (sectors - 1));
            }
            PartitionEntry p = new PartitionEntry(NAME, i + 1, e.firstLba() * ss, (e.lastLba() - e.firstLba() + 1) * ss,
                    e.typeGuid().toString(), e.name());
            Partition.of(device, p, at);
            out.add(p);
        }
        return new GptTable(h, backup, out, note);
    }
}
