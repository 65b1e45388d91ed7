package org.jgrub.core.disk.gpt;

import static java.time.Duration.ofSeconds;
import static org.jgrub.core.disk.DiskImages.SECTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jgrub.core.disk.DiskImages;
import org.jgrub.core.disk.DiskImages.GptEdit;
import org.jgrub.core.disk.DiskImages.SgdiskPartition;
import org.jgrub.core.disk.ImageFile;
import org.jgrub.core.disk.PartitionEntry;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.NotThisFormatException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** GPTs written by sgdisk, checked against sgdisk -i; corrupted copies and hostile headers. */
class GptSchemeTest {
    @TempDir
    static Path shared;
    @TempDir
    Path dir;
    private static Path template;

    /** gpt1 empty, gpt2 "root fs" (Linux), gpt3 "EFI System", gpt5 FreeBSD disklabel; gpt4 empty. */
    @BeforeAll
    static void makeTemplate() throws Exception {
        template = DiskImages.blank(shared, "template.img", 24L << 20);
        DiskImages.sgdisk(template,
                "-n", "2:2048:+4M", "-t", "2:8300", "-c", "2:root fs",
                "-n", "3:0:+2M", "-t", "3:ef00", "-c", "3:EFI System",
                "-n", "5:0:+8M", "-t", "5:a500", "-c", "5:Ünïcode ✓");
    }

    /** A fresh copy of the sgdisk-made template (sgdisk itself takes a second per run). */
    private Path image() throws Exception {
        return DiskImages.copy(template, dir.resolve("g.img"));
    }

    private static GptTable read(Path img) throws JgrubException {
        try (ImageFile f = ImageFile.open("hd0", img)) {
            return new GptScheme().readTable(f);
        }
    }

    private static void assertMatchesSgdisk(Path img, List<PartitionEntry> got) throws Exception {
        assertEquals(List.of(2, 3, 5), got.stream().map(PartitionEntry::number).toList());
        for (PartitionEntry e : got) {
            SgdiskPartition s = DiskImages.sgdiskInfo(img, e.number());
            assertEquals("gpt", e.scheme());
            assertEquals(s.firstSector() * SECTOR, e.startByte(), "start of " + e);
            assertEquals(s.sectors() * SECTOR, e.sizeBytes(), "size of " + e);
            assertEquals((s.lastSector() - s.firstSector() + 1) * SECTOR, e.sizeBytes());
            assertEquals(s.typeGuid(), e.type());
            assertEquals(s.name(), e.label());
        }
    }

    @Test
    void partitionsMatchSgdisk() throws Exception {
        Path img = image();
        GptTable t = read(img);
        assertFalse(t.fromBackup());
        assertEquals("", t.note());
        assertMatchesSgdisk(img, t.partitions());
        assertEquals("0fc63daf-8483-4772-8e79-3d69d8477de4", t.partitions().get(0).type());
        assertEquals("Ünïcode ✓", t.partitions().get(2).label());
    }

    @Test
    void badPrimaryHeaderCrcUsesTheBackup() throws Exception {
        Path img = image();
        // flip a byte of the primary header's disk GUID: its CRC no longer matches
        byte[] b = DiskImages.readBytes(img, SECTOR + 60, 1);
        b[0] ^= 0x5a;
        DiskImages.write(img, SECTOR + 60, b);
        GptTable t = read(img);
        assertTrue(t.fromBackup());
        assertTrue(t.note().contains("header CRC32"), t.note());
        assertEquals(DiskImages.size(img) / SECTOR - 1, t.header().myLba());
        assertMatchesSgdisk(img, t.partitions());
    }

    @Test
    void badPrimaryArrayUsesTheBackup() throws Exception {
        Path img = image();
        // change the name of gpt2 in the primary array (slot 2 = bytes 128..255 of LBA 2)
        DiskImages.write(img, 2 * SECTOR + 128 + 56, "X".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        GptTable t = read(img);
        assertTrue(t.fromBackup());
        assertTrue(t.note().contains("partition entry array CRC32"), t.note());
        assertMatchesSgdisk(img, t.partitions());
        assertEquals("root fs", t.partitions().get(0).label());
    }

    @Test
    void missingPrimaryUsesTheBackup() throws Exception {
        Path img = image();
        DiskImages.write(img, SECTOR, new byte[SECTOR]);
        GptTable t = read(img);
        assertTrue(t.fromBackup());
        assertTrue(t.note().contains("no \"EFI PART\" signature"), t.note());
    }

    @Test
    void bothCopiesBadIsAnError() throws Exception {
        Path img = image();
        long backup = DiskImages.backupHeaderOffset(img);
        for (long at : new long[] {SECTOR + 60, backup + 60}) {
            byte[] b = DiskImages.readBytes(img, at, 1);
            b[0] ^= 0x5a;
            DiskImages.write(img, at, b);
        }
        CorruptStructureException e = assertThrows(CorruptStructureException.class, () -> read(img));
        assertTrue(e.getMessage().matches("hd0 GPT header at byte 512: header CRC32 0x[0-9a-f]{8} does not match "
                + "0x[0-9a-f]{8}; backup header at byte " + backup + ": header CRC32 .*"), e.getMessage());
    }

    @Test
    void noGptWithoutProtectiveMbr() throws Exception {
        Path img = DiskImages.blank(dir, "m.img", 8L << 20);
        DiskImages.sfdisk(img, "start=2048, size=2048, type=83\n");
        assertThrows(NotThisFormatException.class, () -> read(img));
        assertThrows(NotThisFormatException.class, () -> read(DiskImages.blank(dir, "z.img", 8L << 20)));
    }

    @Test
    void protectiveMbrWithoutAnyHeaderIsNotThisFormat() throws Exception {
        Path img = DiskImages.blank(dir, "p.img", 8L << 20);
        DiskImages.sfdisk(img, "start=1, type=ee\n");
        assertThrows(NotThisFormatException.class, () -> read(img));
    }

    // ---- hostile headers: both copies edited, CRCs recomputed so only the value is wrong ------

    private void assertHostile(GptEdit edit, String... fragments) throws Exception {
        Path img = image();
        DiskImages.editBothGpts(img, edit);
        assertTimeoutPreemptively(ofSeconds(2), (Executable) () -> {
            CorruptStructureException e = assertThrows(CorruptStructureException.class, () -> read(img));
            for (String f : fragments) {
                assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
            }
            assertFalse(e.getMessage().contains("\n"));
        });
    }

    @Test
    void headerSizeZero() throws Exception {
        assertHostile((h, a) -> DiskImages.putLe(h, 12, 0, 4), "header size 0 is not between 92 and 512");
    }

    @Test
    void headerSizeHuge() throws Exception {
        assertHostile((h, a) -> DiskImages.putLe(h, 12, 0xffffffffL, 4), "header size 4294967295");
    }

    @Test
    void entrySizeZero() throws Exception {
        assertHostile((h, a) -> DiskImages.putLe(h, 84, 0, 4), "partition entry size 0");
    }

    @Test
    void entrySizeNotMultipleOf8() throws Exception {
        assertHostile((h, a) -> DiskImages.putLe(h, 84, 130, 4), "partition entry size 130");
    }

    @Test
    void entryCountHuge() throws Exception {
        assertHostile((h, a) -> DiskImages.putLe(h, 80, 0xffffffffL, 4), "4294967295 entries of 128 bytes exceed");
    }

    @Test
    void arrayBeyondTheDisk() throws Exception {
        assertHostile((h, a) -> DiskImages.putLe(h, 72, 1L << 40, 8), "partition entry array at LBA 1099511627776",
                "runs past");
    }

    @Test
    void arrayOverUsableSpace() throws Exception {
        assertHostile((h, a) -> DiskImages.putLe(h, 72, 4096, 8), "overlaps the usable LBAs");
    }

    @Test
    void myLbaWrong() throws Exception {
        assertHostile((h, a) -> DiskImages.putLe(h, 24, 7, 8), "MyLBA 7 is not 1");
    }

    @Test
    void entryEndsBeforeItStarts() throws Exception {
        // gpt2's last LBA (slot 2, byte 40) set to 10
        assertHostile((h, a) -> DiskImages.putLe(a, 128 + 40, 10, 8), "hd0 GPT entry 2 at byte 1152",
                "first LBA 2048 is after last LBA 10");
    }

    @Test
    void entryPastTheDisk() throws Exception {
        assertHostile((h, a) -> DiskImages.putLe(a, 128 + 40, -2L, 8), "hd0 GPT entry 2",
                "run past the disk's last LBA");
    }

    @Test
    void arrayCrcMismatchInBothCopies() throws Exception {
        assertHostile((h, a) -> DiskImages.putLe(h, 88, 0x12345678, 4),
                "partition entry array CRC32 0x12345678 does not match");
    }

    @Test
    void truncatedImage() throws Exception {
        Path img = image();
        DiskImages.truncate(img, 12L << 20); // the backup and gpt5 are gone
        CorruptStructureException e = assertThrows(CorruptStructureException.class, () -> read(img));
        // 24 MiB = 49152 sectors: the last usable LBA is 49152 - 1 - 1 - 32
        assertTrue(e.getMessage().contains("last usable LBA 49118 is past the disk's last LBA 24575"), e.getMessage());
        assertTrue(e.getMessage().contains("backup header at byte " + ((12L << 20) - SECTOR) + ": no \"EFI PART\""),
                e.getMessage());
    }
}
