package org.jgrub.core.disk.msdos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.disk.Partition;
import org.jgrub.core.disk.PartitionEntry;
import org.jgrub.core.disk.PartitionScheme;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.NotThisFormatException;

/**
 * The PC partition table ({@code msdos} in GRUB): four primary slots in the MBR, numbered
 * {@code msdos1..4} whether used or not, and logical partitions {@code msdos5}, {@code msdos6}, ...
 * found by walking the chain of extended boot records (EBRs) of the first extended partition.
 *
 * <p>As GRUB's {@code partmap/msdos.c}: in every EBR each used non-extended slot is a logical
 * partition whose start counts from that EBR, and the first extended slot links to the next EBR,
 * its start counting from the start of the primary extended partition.
 *
 * <p>When sector 0 is not an MBR ({@link NotThisFormatException}):
 * <ul>
 *   <li>no 0x55 0xAA signature at byte 510;</li>
 *   <li>a slot of type 0xEE: this is a GPT disk's protective MBR and GPT must win (GRUB's "dummy
 *       mbr");</li>
 *   <li>a boot indicator other than 0x00/0x80 (GRUB's "bad boot flag"): the bytes at 446 are boot
 *       code or text, e.g. of a filesystem boot sector;</li>
 *   <li>a slot that does not fit the disk while sector 0 also carries a FAT/exFAT/NTFS boot
 *       parameter block ({@link VolumeBootSector}): a filesystem fills the disk and its boot code
 *       happens to pass the boot-indicator test.</li>
 * </ul>
 * Otherwise it is a table, and a slot that does not fit the disk, a broken EBR, an EBR loop or a
 * chain of more than {@link #MAX_EBRS} EBRs is a {@link CorruptStructureException}. A slot with
 * type 0 or zero sectors is empty (skipped; for a primary its number stays taken). An extended
 * partition whose first EBR sector is all zeros simply has no logical partitions (what fdisk
 * leaves behind); any other EBR without the signature is corrupt.
 */
public final class MsdosScheme implements PartitionScheme {
    /** GRUB's name. */
    public static final String NAME = "msdos";
    /** The most EBRs followed before the chain is called broken (Linux stops at a similar bound). */
    public static final int MAX_EBRS = 128;
    /** Number of the first logical partition ({@code msdos5}). */
    public static final int FIRST_LOGICAL = 5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PartitionEntry> read(BlockDevice device) throws JgrubException {
        int ss = device.sectorSize();
        if (device.size() < BootRecord.SIZE) {
            throw new NotThisFormatException(device.name() + ": too small for an MBR (" + device.size() + " bytes)");
        }
        byte[] sector0 = device.read(0, BootRecord.SIZE);
        BootRecord mbr = BootRecord.parse(sector0);
        if (!mbr.hasSignature()) {
            throw new NotThisFormatException(device.name() + ": no MBR signature 0x55 0xAA at byte 510");
        }
        for (MbrPartitionEntry e : mbr.entries()) {
            if (e.type() == MbrPartitionEntry.TYPE_GPT_DISK) {
                throw new NotThisFormatException(device.name() + ": protective MBR (type 0xee): a GPT disk");
            }
        }
        int bad = mbr.firstBadBootFlag();
        if (bad >= 0) {
            throw new NotThisFormatException(device.name() + ": MBR slot " + (bad + 1) + " boot indicator "
                    + String.format("0x%02x", mbr.entries().get(bad).bootFlag()) + ": not a partition table");
        }
        if (VolumeBootSector.looksLikeFilesystem(sector0)) {
            for (int i = 0; i < BootRecord.ENTRIES; i++) {
                MbrPartitionEntry e = mbr.entries().get(i);
                if (!e.isEmpty() && !fits(device, e.startSector() * ss, e.sectorCount() * ss)) {
                    throw new NotThisFormatException(device.name() + ": sector 0 is a filesystem boot sector, "
                            + "not a partition table");
                }
            }
        }

        List<PartitionEntry> out = new ArrayList<>();
        MbrPartitionEntry extended = null;
        int extendedSlot = -1;
        for (int i = 0; i < BootRecord.ENTRIES; i++) {
            MbrPartitionEntry e = mbr.entries().get(i);
            if (e.isEmpty()) {
                continue;
            }
            if (e.isExtended()) {
                if (extended == null) {
                    extended = e;
                    extendedSlot = i;
                }
                continue;
            }
            out.add(entry(device, i + 1, 0, e, BootRecord.entryOffset(i)));
        }
        if (extended != null) {
            walkExtended(device, extended, extendedSlot, out);
        }
        return out;
    }

    private static void walkExtended(BlockDevice device, MbrPartitionEntry extended, int slot,
            List<PartitionEntry> out) throws JgrubException {
        int ss = device.sectorSize();
        long extStart = extended.startSector() * ss;
        long ebr = extStart;
        long linkedFrom = BootRecord.entryOffset(slot);
        int number = FIRST_LOGICAL;
        Set<Long> seen = new HashSet<>();
        for (int count = 1; ; count++) {
            String what = device.name() + " EBR " + count;
            if (count > MAX_EBRS) {
                throw new CorruptStructureException(device.name() + " extended partition", extStart,
                        "chain of more than " + MAX_EBRS + " EBRs");
            }
            if (!seen.add(ebr)) {
                throw new CorruptStructureException(what, linkedFrom,
                        "links back to the EBR at byte " + ebr + ": loop in the extended partition chain");
            }
            if (!fits(device, ebr, BootRecord.SIZE)) {
                throw new CorruptStructureException(what, linkedFrom, "EBR at byte " + ebr
                        + " lies past the end of the " + device.size() + "-byte device");
            }
            byte[] sector = device.read(ebr, BootRecord.SIZE);
            BootRecord rec = BootRecord.parse(sector);
            if (!rec.hasSignature()) {
                if (count == 1 && allZero(sector)) {
                    return; // an extended partition without logical partitions
                }
                throw new CorruptStructureException(what, ebr + BootRecord.SIGNATURE_OFFSET,
                        String.format("signature 0x%04x is not 0xaa55", rec.signature()));
            }
            int bad = rec.firstBadBootFlag();
            if (bad >= 0) {
                throw new CorruptStructureException(what, ebr + BootRecord.entryOffset(bad),
                        String.format("boot indicator 0x%02x is neither 0x00 nor 0x80", rec.entries().get(bad).bootFlag()));
            }
            MbrPartitionEntry link = null;
            int linkSlot = -1;
            for (int i = 0; i < BootRecord.ENTRIES; i++) {
                MbrPartitionEntry e = rec.entries().get(i);
                if (e.isEmpty()) {
                    continue;
                }
                if (e.isExtended()) {
                    if (link == null) {
                        link = e;
                        linkSlot = i;
                    }
                    continue;
                }
                out.add(entry(device, number++, ebr, e, ebr + BootRecord.entryOffset(i)));
            }
            if (link == null) {
                return;
            }
            linkedFrom = ebr + BootRecord.entryOffset(linkSlot);
            ebr = extStart + link.startSector() * ss;
        }
    }

    private static PartitionEntry entry(BlockDevice device, int number, long base, MbrPartitionEntry e,
            long slotOffset) throws CorruptStructureException {
        int ss = device.sectorSize();
        PartitionEntry p = new PartitionEntry(NAME, number, base + e.startSector() * ss, e.sectorCount() * ss,
                e.typeText(), "");
        Partition.of(device, p, slotOffset); // throws unless it fits
        return p;
    }

    private static boolean fits(BlockDevice device, long start, long length) {
        return start >= 0 && length >= 0 && start <= device.size() && length <= device.size() - start;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
