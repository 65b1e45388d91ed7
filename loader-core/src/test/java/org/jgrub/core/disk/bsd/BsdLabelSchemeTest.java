package org.jgrub.core.disk.bsd;

import static java.time.Duration.ofSeconds;
import static org.jgrub.core.disk.DiskImages.SECTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jgrub.core.disk.DiskImages;
import org.jgrub.core.disk.DiskImages.SfdiskPartition;
import org.jgrub.core.disk.DiskImages.SgdiskPartition;
import org.jgrub.core.disk.ImageFile;
import org.jgrub.core.disk.Partition;
import org.jgrub.core.disk.PartitionEntry;
import org.jgrub.core.disk.PartitionScanner;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.NotThisFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disklabels written from the spec into slices made by sfdisk (MBR types a5, a6, a9) and sgdisk
 * (GPT FreeBSD disklabel), read through the scanner; the nested partitions' contents are read
 * back through their {@link Partition} views.
 */
class BsdLabelSchemeTest {
    @TempDir
    Path dir;

    private static final int UFS = DiskLabelPartition.FS_BSDFFS;
    private static final int SWAP = DiskLabelPartition.FS_SWAP;

    /** msdos1 Linux, msdos2 a BSD slice of {@code type} (16384 sectors at 10240), msdos3 Linux. */
    private Path mbrImage(String type) throws Exception {
        Path img = DiskImages.blank(dir, "b.img", 32L << 20);
        DiskImages.sfdisk(img, "start=2048, size=8192, type=83\nstart=10240, size=16384, type=" + type
                + "\nstart=26624, size=4096, type=83\n");
        return img;
    }

    private static long sliceStart(Path img, int number) throws Exception {
        Map<Integer, SfdiskPartition> dump = DiskImages.sfdiskDump(img);
        return dump.get(number).start();
    }

    private static void mark(Path img, long sector, String text) throws Exception {
        DiskImages.write(img, sector * SECTOR, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static List<Partition> scan(Path img) throws JgrubException {
        try (ImageFile f = ImageFile.open("hd0", img)) {
            return PartitionScanner.scan(f);
        }
    }

    private static Partition named(List<Partition> parts, String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + parts.stream().map(Partition::name).toList()));
    }

    private static String readMark(Path img, String name, int length) throws Exception {
        try (ImageFile f = ImageFile.open("hd0", img)) {
            for (Partition p : PartitionScanner.scan(f)) {
                if (p.name().equals(name)) {
                    return new String(p.read(0, length), StandardCharsets.US_ASCII);
                }
            }
        }
        throw new AssertionError(name + " not found");
    }

    @Test
    void freebsdSliceWithRelativeOffsets() throws Exception {
        Path img = mbrImage("a5");
        long slice = sliceStart(img, 2);
        // a: UFS at 16 (after the boot area), b: swap, c: the whole slice from 0, d unused, e: UFS
        DiskImages.write(img, (slice + 1) * SECTOR, new DiskLabelWriter().secPerUnit(16384)
                .part(4096, 16, UFS).part(2048, 4112, SWAP).part(16384, 0, 0).part(0, 0, 0).part(8192, 8192, UFS)
                .part(0, 0, 0).part(0, 0, 0).part(0, 0, 0).build());
        mark(img, slice + 16, "jgrub-bsd-a");
        mark(img, slice + 8192, "jgrub-bsd-e");
        List<Partition> parts = scan(img);
        assertEquals(List.of("hd0,msdos1", "hd0,msdos2", "hd0,msdos2,bsd1", "hd0,msdos2,bsd2", "hd0,msdos2,bsd5",
                "hd0,msdos3"), parts.stream().map(Partition::name).toList());
        PartitionEntry a = named(parts, "hd0,msdos2,bsd1").entry();
        assertEquals(new PartitionEntry("bsd", 1, 16L * SECTOR, 4096L * SECTOR, "0x07", ""), a);
        assertEquals("0x01", named(parts, "hd0,msdos2,bsd2").entry().type());
        assertEquals("jgrub-bsd-a", readMark(img, "hd0,msdos2,bsd1", 11));
        assertEquals("jgrub-bsd-e", readMark(img, "hd0,msdos2,bsd5", 11));
        // the bounded view ends with the partition: bsd5 is the slice's last 8192 sectors
        Partition e = named(parts, "hd0,msdos2,bsd5");
        assertEquals(8192L * SECTOR, e.size());
    }

    @Test
    void freebsdSliceWithAbsoluteOffsets() throws Exception {
        Path img = mbrImage("a5");
        long slice = sliceStart(img, 2);
        // traditional label: 'c' starts at the slice's own disk offset and so do the others
        DiskImages.write(img, (slice + 1) * SECTOR, new DiskLabelWriter().secPerUnit(16384)
                .part(4096, slice + 16, UFS).part(2048, slice + 4112, SWAP).part(16384, slice, 0)
                .part(100, 5, UFS) // starts before the slice: improperly nested, skipped as GRUB does
                .build());
        mark(img, slice + 16, "jgrub-abs-a");
        List<Partition> parts = scan(img);
        assertEquals(List.of("hd0,msdos1", "hd0,msdos2", "hd0,msdos2,bsd1", "hd0,msdos2,bsd2", "hd0,msdos3"),
                parts.stream().map(Partition::name).toList());
        assertEquals(16L * SECTOR, named(parts, "hd0,msdos2,bsd1").entry().startByte());
        assertEquals("jgrub-abs-a", readMark(img, "hd0,msdos2,bsd1", 11));
    }

    @Test
    void openbsdSliceHasDiskAbsoluteOffsets() throws Exception {
        Path img = mbrImage("a6");
        long slice = sliceStart(img, 2);
        long disk = DiskImages.size(img) / SECTOR;
        // OpenBSD: 'c' is the whole disk from 0; 'a' and 'b' are inside the slice, disk-absolute
        DiskImages.write(img, (slice + 1) * SECTOR, new DiskLabelWriter().secPerUnit(disk)
                .part(8192, slice + 64, UFS).part(4096, slice + 8256, SWAP).part(disk, 0, 0)
                .part(0, 0, 0).part(0, 0, 0).part(0, 0, 0).part(0, 0, 0).part(0, 0, 0)
                .part(0, 0, 0).part(0, 0, 0).part(0, 0, 0).part(0, 0, 0).part(0, 0, 0).part(0, 0, 0)
                .part(0, 0, 0).part(0, 0, 0).build());
        mark(img, slice + 64, "jgrub-obsd-a");
        List<Partition> parts = scan(img);
        assertEquals(List.of("hd0,msdos1", "hd0,msdos2", "hd0,msdos2,bsd1", "hd0,msdos2,bsd2", "hd0,msdos3"),
                parts.stream().map(Partition::name).toList());
        assertEquals(64L * SECTOR, named(parts, "hd0,msdos2,bsd1").entry().startByte());
        assertEquals("jgrub-obsd-a", readMark(img, "hd0,msdos2,bsd1", 12));
    }

    @Test
    void netbsdSliceSkipsTheWholeDiskPartition() throws Exception {
        Path img = mbrImage("a9");
        long slice = sliceStart(img, 2);
        long disk = DiskImages.size(img) / SECTOR;
        // NetBSD/i386: 'c' is the NetBSD slice, 'd' (RAW_PART there) the whole disk from 0
        DiskImages.write(img, (slice + 1) * SECTOR, new DiskLabelWriter().secPerUnit(disk)
                .part(8192, slice + 64, UFS).part(0, 0, 0).part(16384, slice, 0).part(disk, 0, 0)
                .part(2048, slice + 8256, 17).build());
        List<Partition> parts = scan(img);
        assertEquals(List.of("hd0,msdos1", "hd0,msdos2", "hd0,msdos2,bsd1", "hd0,msdos2,bsd5", "hd0,msdos3"),
                parts.stream().map(Partition::name).toList());
        assertEquals(8256L * SECTOR, named(parts, "hd0,msdos2,bsd5").entry().startByte());
    }

    @Test
    void gptFreebsdPartition() throws Exception {
        Path img = DiskImages.blank(dir, "g.img", 16L << 20);
        DiskImages.sgdisk(img, "-n", "1:2048:+2M", "-t", "1:8300", "-n", "2:0:+8M", "-t", "2:a500");
        SgdiskPartition s = DiskImages.sgdiskInfo(img, 2);
        assertEquals(BsdLabelScheme.GPT_FREEBSD_TYPE, s.typeGuid());
        long start = s.firstSector();
        DiskImages.write(img, (start + 1) * SECTOR, new DiskLabelWriter().secPerUnit(s.sectors())
                .part(s.sectors() - 16, 16, UFS).part(0, 0, 0).part(s.sectors(), 0, 0).build());
        mark(img, start + 16, "jgrub-gpt-bsd");
        List<Partition> parts = scan(img);
        assertEquals(List.of("hd0,gpt1", "hd0,gpt2", "hd0,gpt2,bsd1"), parts.stream().map(Partition::name).toList());
        assertEquals((s.sectors() - 16) * SECTOR, named(parts, "hd0,gpt2,bsd1").size());
        assertEquals("jgrub-gpt-bsd", readMark(img, "hd0,gpt2,bsd1", 13));
    }

    @Test
    void sliceWithoutLabelHasNoChildren() throws Exception {
        Path img = mbrImage("a5");
        List<Partition> parts = scan(img);
        assertEquals(List.of("hd0,msdos1", "hd0,msdos2", "hd0,msdos3"), parts.stream().map(Partition::name).toList());
        Partition linux = named(parts, "hd0,msdos1");
        assertThrows(NotThisFormatException.class, () -> new BsdLabelScheme().read(linux));
    }

    // ---- hostile labels --------------------------------------------------------------------

    private void assertCorrupt(DiskLabelWriter label, String... fragments) throws Exception {
        Path img = mbrImage("a5");
        long slice = sliceStart(img, 2);
        DiskImages.write(img, (slice + 1) * SECTOR, label.build());
        assertTimeoutPreemptively(ofSeconds(2), (Executable) () -> {
            CorruptStructureException e = assertThrows(CorruptStructureException.class, () -> scan(img));
            for (String f : fragments) {
                assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
            }
            assertFalse(e.getMessage().contains("\n"));
        });
    }

    @Test
    void npartitionsHuge() throws Exception {
        assertCorrupt(new DiskLabelWriter().part(4096, 16, UFS).npartitions(0xffff),
                "hd0,msdos2 BSD disklabel at byte 650", "d_npartitions 65535 is more than the 22 entries");
    }

    @Test
    void npartitionsJustTooMany() throws Exception {
        assertCorrupt(new DiskLabelWriter().part(4096, 16, UFS).npartitions(23), "d_npartitions 23");
    }

    @Test
    void partitionPastTheSlice() throws Exception {
        assertCorrupt(new DiskLabelWriter().part(4096, 16, UFS).part(0, 0, 0).part(16384, 0, 0).part(0, 0, 0)
                .part(4096, 16000, UFS), "hd0,msdos2 bsd partition 5 at byte 724", "do not fit in the 8388608-byte");
    }

    @Test
    void partitionHugeOffset() throws Exception {
        assertCorrupt(new DiskLabelWriter().part(0xffffffffL, 0xffffffffL, UFS), "bsd partition 1", "do not fit");
    }

    @Test
    void secondMagicWrong() throws Exception {
        assertCorrupt(new DiskLabelWriter().part(4096, 16, UFS).magic2(0x12345678),
                "hd0,msdos2 BSD disklabel at byte 644: d_magic2 0x12345678 is not 0x82564557");
    }
}
