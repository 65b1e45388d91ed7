package org.jgrub.core.disk.msdos;

import static java.time.Duration.ofSeconds;
import static org.jgrub.core.disk.DiskImages.SECTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jgrub.core.disk.DiskImages;
import org.jgrub.core.disk.DiskImages.SfdiskPartition;
import org.jgrub.core.disk.ImageFile;
import org.jgrub.core.disk.PartitionEntry;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.NotThisFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** MBR tables written by sfdisk, checked against sfdisk --dump; hostile tables patched by hand. */
class MsdosSchemeTest {
    @TempDir
    Path dir;

    private Path layoutImage() throws Exception {
        Path img = DiskImages.blank(dir, "m.img", 64L << 20);
        DiskImages.sfdisk(img, DiskImages.MBR_LAYOUT);
        return img;
    }

    private static List<PartitionEntry> read(Path img) throws JgrubException {
        try (ImageFile f = ImageFile.open("hd0", img)) {
            return new MsdosScheme().read(f);
        }
    }

    @Test
    void primariesAndLogicalsMatchSfdisk() throws Exception {
        Path img = layoutImage();
        Map<Integer, SfdiskPartition> dump = DiskImages.sfdiskDump(img);
        List<PartitionEntry> got = read(img);
        // the extended partition itself is not listed; slot 4 is empty; logicals are 5, 6, 7
        assertEquals(List.of(1, 2, 5, 6, 7), got.stream().map(PartitionEntry::number).toList());
        assertEquals(List.of(1, 2, 3, 5, 6, 7), List.copyOf(dump.keySet()));
        for (PartitionEntry e : got) {
            SfdiskPartition s = dump.get(e.number());
            assertEquals("msdos", e.scheme());
            assertEquals(s.start() * SECTOR, e.startByte(), "start of " + e);
            assertEquals(s.size() * SECTOR, e.sizeBytes(), "size of " + e);
            assertEquals(String.format("0x%02x", s.type()), e.type());
            assertEquals("", e.label());
        }
    }

    @Test
    void emptyExtendedPartitionHasNoLogicals() throws Exception {
        Path img = DiskImages.blank(dir, "e.img", 32L << 20);
        DiskImages.sfdisk(img, "start=2048, size=4096, type=83\nstart=8192, size=8192, type=f\n");
        Map<Integer, SfdiskPartition> dump = DiskImages.sfdiskDump(img);
        List<PartitionEntry> got = read(img);
        assertEquals(1, got.size());
        assertEquals(dump.get(1).start() * SECTOR, got.get(0).startByte());
    }

    @Test
    void protectiveMbrIsNotThisFormat() throws Exception {
        Path img = DiskImages.blank(dir, "p.img", 8L << 20);
        DiskImages.sfdisk(img, "start=1, type=ee\n");
        NotThisFormatException e = assertThrows(NotThisFormatException.class, () -> read(img));
        assertTrue(e.getMessage().contains("GPT"), e.getMessage());
        Path gpt = DiskImages.blank(dir, "g.img", 8L << 20);
        DiskImages.sgdisk(gpt, "-n", "1:2048:+1M");
        assertThrows(NotThisFormatException.class, () -> read(gpt));
    }

    @Test
    void noSignatureIsNotThisFormat() throws Exception {
        Path img = DiskImages.blank(dir, "z.img", 1L << 20);
        assertThrows(NotThisFormatException.class, () -> read(img));
        Path tiny = DiskImages.blank(dir, "t.img", 100);
        assertThrows(NotThisFormatException.class, () -> read(tiny));
    }

    @Test
    void bootCodeWhereTheTableWouldBeIsNotThisFormat() throws Exception {
        // An NTFS-style boot sector: its message text lies over the table bytes.
        Path img = DiskImages.blank(dir, "n.img", 1L << 20);
        byte[] s = new byte[512];
        s[0] = (byte) 0xeb; s[1] = 0x52; s[2] = (byte) 0x90;
        System.arraycopy("NTFS    ".getBytes(), 0, s, 3, 8);
        byte[] text = "A disk read error occurred\r\nBOOTMGR is missing".getBytes();
        System.arraycopy(text, 0, s, 0x1b0, text.length);
        s[510] = 0x55; s[511] = (byte) 0xaa;
        DiskImages.write(img, 0, s);
        assertThrows(NotThisFormatException.class, () -> read(img));
    }

    @Test
    void fatBootSectorWithImpossibleSlotIsNotThisFormat() throws Exception {
        // A FAT BPB (bytes/sector 512, 8 sectors/cluster, 32 reserved, 2 FATs, media 0xF8) whose
        // boot code leaves 0x00 boot indicators but nonsense sizes in the table area.
        Path img = DiskImages.blank(dir, "f.img", 1L << 20);
        byte[] s = new byte[512];
        s[0] = (byte) 0xeb; s[1] = 0x58; s[2] = (byte) 0x90;
        s[11] = 0x00; s[12] = 0x02; s[13] = 8; s[14] = 32; s[16] = 2; s[21] = (byte) 0xf8;
        int at = BootRecord.entryOffset(0);
        s[at + 4] = 0x0e;
        DiskImages.putLe(s, at + 8, 0x0e1f0000L, 4);
        DiskImages.putLe(s, at + 12, 0x12345678L, 4);
        s[510] = 0x55; s[511] = (byte) 0xaa;
        DiskImages.write(img, 0, s);
        assertThrows(NotThisFormatException.class, () -> read(img));
        // the same slot without the BPB is a table that describes a partition past the disk's end
        s[0] = (byte) 0xfa;
        DiskImages.write(img, 0, s);
        assertThrows(CorruptStructureException.class, () -> read(img));
    }

    // ---- hostile tables --------------------------------------------------------------------

    private static void assertCorrupt(Path img, String... fragments) {
        assertTimeoutPreemptively(ofSeconds(2), (Executable) () -> {
            CorruptStructureException e = assertThrows(CorruptStructureException.class, () -> read(img));
            for (String f : fragments) {
                assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
            }
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        });
    }

    /** Byte offset of the first EBR (the extended partition's first sector). */
    private static long firstEbr(Map<Integer, SfdiskPartition> dump) {
        return dump.get(3).start() * SECTOR;
    }

    @Test
    void ebrChainLoop() throws Exception {
        Path img = layoutImage();
        Map<Integer, SfdiskPartition> dump = DiskImages.sfdiskDump(img);
        // The last EBR (of msdos7) links back to the first EBR: relative start 0.
        long ebr7 = dump.get(7).start() * SECTOR - 2048 * SECTOR; // sfdisk leaves the EBR 2048 sectors before
        byte[] ebr = DiskImages.readBytes(img, ebr7, SECTOR);
        assertEquals(0x55, ebr[510] & 0xff, "EBR where sfdisk is expected to put it");
        int link = BootRecord.entryOffset(1);
        ebr[link + 4] = 0x05;
        DiskImages.putLe(ebr, link + 8, 0, 4);
        DiskImages.putLe(ebr, link + 12, 2048, 4);
        DiskImages.write(img, ebr7, ebr);
        assertCorrupt(img, "loop", "hd0 EBR 4");
    }

    @Test
    void ebrPointingPastTheDisk() throws Exception {
        Path img = layoutImage();
        Map<Integer, SfdiskPartition> dump = DiskImages.sfdiskDump(img);
        long ebr1 = firstEbr(dump);
        // second slot of the first EBR links to the next EBR; make it point at 2^32-1 sectors
        DiskImages.writeLe(img, ebr1 + BootRecord.entryOffset(1) + 8, 0xffffffffL, 4);
        assertCorrupt(img, "hd0 EBR 2", "past the end", "at byte " + (ebr1 + BootRecord.entryOffset(1)));
    }

    @Test
    void ebrChainTooLong() throws Exception {
        // 200 EBRs, each one sector, each with a one-sector logical partition and a link onward.
        int n = 200;
        Path img = DiskImages.blank(dir, "long.img", (2048L + 2 * n + 16) * SECTOR);
        byte[] mbr = new byte[SECTOR];
        int at = BootRecord.entryOffset(0);
        mbr[at + 4] = 0x05;
        DiskImages.putLe(mbr, at + 8, 2048, 4);
        DiskImages.putLe(mbr, at + 12, 2L * n + 8, 4);
        mbr[510] = 0x55; mbr[511] = (byte) 0xaa;
        DiskImages.write(img, 0, mbr);
        for (int i = 0; i < n; i++) {
            byte[] ebr = new byte[SECTOR];
            ebr[BootRecord.entryOffset(0) + 4] = (byte) 0x83;
            DiskImages.putLe(ebr, BootRecord.entryOffset(0) + 8, 1, 4);
            DiskImages.putLe(ebr, BootRecord.entryOffset(0) + 12, 1, 4);
            ebr[BootRecord.entryOffset(1) + 4] = 0x05;
            DiskImages.putLe(ebr, BootRecord.entryOffset(1) + 8, 2L * (i + 1), 4);
            DiskImages.putLe(ebr, BootRecord.entryOffset(1) + 12, 2, 4);
            ebr[510] = 0x55; ebr[511] = (byte) 0xaa;
            DiskImages.write(img, (2048L + 2L * i) * SECTOR, ebr);
        }
        assertCorrupt(img, "more than 128 EBRs");
    }

    @Test
    void primaryPastTheEndOfTheDisk() throws Exception {
        Path img = layoutImage();
        // msdos2 grows to 2^32-1 sectors
        DiskImages.writeLe(img, BootRecord.entryOffset(1) + 12, 0xffffffffL, 4);
        assertCorrupt(img, "hd0 msdos partition 2 at byte 462", "do not fit");
    }

    @Test
    void logicalPastTheEndOfTheDisk() throws Exception {
        Path img = layoutImage();
        long ebr1 = firstEbr(DiskImages.sfdiskDump(img));
        DiskImages.writeLe(img, ebr1 + BootRecord.entryOffset(0) + 8, 0x7fffffffL, 4);
        assertCorrupt(img, "hd0 msdos partition 5 at byte " + (ebr1 + 446), "do not fit");
    }

    @Test
    void truncatedImage() throws Exception {
        Path img = layoutImage();
        // cut the image inside msdos6: msdos1, 2 and 5 still fit, 6 does not
        Map<Integer, SfdiskPartition> dump = DiskImages.sfdiskDump(img);
        DiskImages.truncate(img, (dump.get(6).start() + 100) * SECTOR);
        assertCorrupt(img, "msdos partition 6", "do not fit");
    }

    @Test
    void garbageEbr() throws Exception {
        Path img = layoutImage();
        long ebr1 = firstEbr(DiskImages.sfdiskDump(img));
        DiskImages.writeLe(img, ebr1 + 510, 0x1234, 2);
        assertCorrupt(img, "hd0 EBR 1 at byte " + (ebr1 + 510), "signature 0x1234");
        DiskImages.writeLe(img, ebr1 + 510, 0xaa55, 2);
        DiskImages.writeLe(img, ebr1 + BootRecord.entryOffset(2), 0x13, 1);
        assertCorrupt(img, "boot indicator 0x13");
    }
}
