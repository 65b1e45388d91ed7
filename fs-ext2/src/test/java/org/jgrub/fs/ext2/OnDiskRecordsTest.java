package org.jgrub.fs.ext2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrub.core.disk.ImageFile;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.PathResolver;
import org.jgrub.core.fs.PathResolver.FinalLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Structure sizes, parsing against dumpe2fs, the feature table against FEATURES.md, fallocated files. */
class OnDiskRecordsTest {
    @TempDir
    static Path dir;
    static Path image;

    @BeforeAll
    static void image() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("f"), "x".repeat(10_000));
        image = HostImages.build(dir, "rec", 32L << 20, src, List.of("-t", "ext4", "-b", "4096", "-L", "records"));
    }

    @Test
    void sizesFromTheSpec() {
        assertEquals(1024, Superblock.SIZE);
        assertEquals(1024, Superblock.OFFSET);
        assertEquals(12, ExtentHeader.SIZE);
        assertEquals(12, ExtentHeader.ENTRY_SIZE);
        assertEquals(60, Inode.I_BLOCK_SIZE);
        assertEquals(128, Inode.GOOD_OLD_SIZE);
        assertEquals(8, DirectoryEntry.HEADER_SIZE);
        assertEquals(32, GroupDescriptor.EXT2_MIN_DESC_SIZE);
        assertEquals(64, GroupDescriptor.EXT2_MIN_DESC_SIZE_64BIT);
    }

    @Test
    void superblockParsesAsDumpe2fsReadsIt() throws IOException {
        Map<String, String> sb = HostImages.superblock(image);
        Superblock s = Superblock.parse(ByteBuffer.wrap(HostImages.read(image, 1024, 1024)));
        assertEquals(HostImages.number(sb, "Inode count"), s.inodesCount());
        assertEquals(HostImages.number(sb, "Block count"), s.blocksCount());
        assertEquals(HostImages.number(sb, "Blocks per group"), s.blocksPerGroup());
        assertEquals(HostImages.number(sb, "Inodes per group"), s.inodesPerGroup());
        assertEquals(HostImages.number(sb, "Inode size"), s.inodeSize());
        assertEquals(HostImages.number(sb, "First inode"), s.firstIno());
        assertEquals(HostImages.number(sb, "Group descriptor size"), s.descSize());
        assertEquals(4096, 1024 << s.logBlockSize());
        assertEquals(Superblock.EXT2_SUPER_MAGIC, s.magic());
        try (ImageFile dev = ImageFile.open("hd0", image)) {
            FileSystem fs = new Ext2FileSystemType().open(dev);
            assertEquals(sb.get("Filesystem UUID"), fs.uuid().orElseThrow());
            assertEquals("records", fs.label().orElseThrow());
        }
    }

    @Test
    void groupDescriptorParsesAsDumpe2fsReadsIt() throws IOException {
        String dump = HostImages.run(List.of(org.jgrub.core.testing.HostTools.require("dumpe2fs", "e2fsprogs").toString(),
                image.toString())).text();
        Matcher gdt = Pattern.compile("Group descriptors at (\\d+)").matcher(dump);
        Matcher table = Pattern.compile("Inode table at (\\d+)-").matcher(dump);
        assertTrue(gdt.find() && table.find());
        int descSize = (int) HostImages.number(HostImages.superblock(image), "Group descriptor size");
        GroupDescriptor gd = GroupDescriptor.parse(
                ByteBuffer.wrap(HostImages.read(image, Long.parseLong(gdt.group(1)) * 4096, descSize)), descSize);
        assertEquals(Long.parseLong(table.group(1)), gd.inodeTable());
    }

    @Test
    void extentRecordsDecodeTheUninitialisedBit() {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 7).putShort(4, (short) (32768 + 5)).putShort(6, (short) 1).putInt(8, 9);
        assertEquals(new Extent(7, 5, (1L << 32) | 9, true), Extent.parse(b, 0));
        b.putShort(4, (short) 32768);
        assertEquals(new Extent(7, 32768, (1L << 32) | 9, false), Extent.parse(b, 0));
    }

    @Test
    void featureTableMatchesFeaturesMd() throws IOException {
        String doc = Files.readString(Path.of("FEATURES.md"));
        Set<Integer> incompat = new HashSet<>();
        for (Ext4Feature f : Ext4Feature.values()) {
            assertTrue(doc.contains("`" + f.featureName() + "`"), f.featureName() + " missing from FEATURES.md");
            if (f.kind() == Ext4Feature.Kind.INCOMPAT) {
                assertTrue(incompat.add(f.bit()), "bit listed twice: " + f);
            }
        }
    }

    @Test
    void fallocatedBlocksReadAsZeros() throws IOException {
        Path p = dir.resolve("falloc.img");
        Files.copy(image, p);
        // debugfs fallocate makes uninitialised extents past the data (blocks 3..99).
        HostImages.debugfsWrite(p, "fallocate /f 3 99");
        assertTrue(HostImages.debugfs(p, "ex /f").contains("Uninit"));
        try (ImageFile dev = ImageFile.open("hd0", p)) {
            FileSystem fs = new Ext2FileSystemType().open(dev);
            Node n = PathResolver.resolve(fs, "/f", FinalLink.FOLLOW);
            ByteBuffer b = ByteBuffer.allocate(20_000);
            assertEquals(10_000, n.read(0, b));
            assertEquals("x".repeat(10_000), new String(b.array(), 0, 10_000, java.nio.charset.StandardCharsets.US_ASCII));
            assertTrue(HostImages.grubSameAs(p, "/f", dir.resolve("src/f")));
        }
    }
}
