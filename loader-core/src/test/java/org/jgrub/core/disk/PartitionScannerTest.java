package org.jgrub.core.disk;

import static org.jgrub.core.disk.DiskImages.SECTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgrub.core.disk.DiskImages.SfdiskPartition;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.testing.HostTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner's choice of table and GRUB's names and order. */
class PartitionScannerTest {
    @TempDir
    Path dir;

    private static List<String> names(Path img, List<String> notes) throws JgrubException {
        try (ImageFile f = ImageFile.open("hd0", img)) {
            return PartitionScanner.scan(f, notes::add).stream().map(Partition::name).toList();
        }
    }

    private static List<String> names(Path img) throws JgrubException {
        return names(img, new ArrayList<>());
    }

    @Test
    void mbrNamesPrimariesThenLogicals() throws Exception {
        Path img = DiskImages.blank(dir, "m.img", 64L << 20);
        DiskImages.sfdisk(img, DiskImages.MBR_LAYOUT);
        assertEquals(List.of("hd0,msdos1", "hd0,msdos2", "hd0,msdos5", "hd0,msdos6", "hd0,msdos7"), names(img));
        Map<Integer, SfdiskPartition> dump = DiskImages.sfdiskDump(img);
        try (ImageFile f = ImageFile.open("hd0", img)) {
            Partition p6 = PartitionScanner.scan(f).get(3);
            assertEquals(dump.get(6).start() * SECTOR, p6.entry().startByte());
            assertEquals(dump.get(6).size() * SECTOR, p6.size());
        }
    }

    @Test
    void gptWinsOverItsProtectiveMbr() throws Exception {
        Path img = DiskImages.blank(dir, "g.img", 16L << 20);
        DiskImages.sgdisk(img, "-n", "2:2048:+1M", "-n", "3:0:+1M");
        assertEquals(List.of("hd0,gpt2", "hd0,gpt3"), names(img));
    }

    @Test
    void backupGptIsNoted() throws Exception {
        Path img = DiskImages.blank(dir, "g.img", 16L << 20);
        DiskImages.sgdisk(img, "-n", "1:2048:+1M");
        DiskImages.write(img, SECTOR, new byte[SECTOR]);
        List<String> notes = new ArrayList<>();
        assertEquals(List.of("hd0,gpt1"), names(img, notes));
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("hd0: primary GPT at byte 512 is bad (no \"EFI PART\" signature); "
                + "using the backup at byte "), notes.get(0));
    }

    @Test
    void noTableIsAnEmptyList() throws Exception {
        assertEquals(List.of(), names(DiskImages.blank(dir, "z.img", 4L << 20)));
        Path prot = DiskImages.blank(dir, "p.img", 4L << 20);
        DiskImages.sfdisk(prot, "start=1, type=ee\n");
        assertEquals(List.of(), names(prot));
    }

    @Test
    void filesystemOnTheWholeDiskIsAnEmptyList() throws Exception {
        Path mke2fs = HostTools.require("mke2fs", "e2fsprogs");
        Path img = DiskImages.blank(dir, "fs.img", 8L << 20);
        DiskImages.run(List.of(mke2fs.toString(), "-q", "-F", "-t", "ext2", img.toString()), null);
        assertEquals(List.of(), names(img));
    }
}
