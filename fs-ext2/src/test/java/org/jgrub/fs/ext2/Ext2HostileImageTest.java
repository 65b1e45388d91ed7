package org.jgrub.fs.ext2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrub.core.disk.ImageFile;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.NotThisFormatException;
import org.jgrub.core.error.UnsupportedFeatureException;
import org.jgrub.core.fs.DirEntry;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.FileSystems;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.NodeType;
import org.jgrub.core.fs.PathResolver;
import org.jgrub.core.fs.PathResolver.FinalLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid images made by mke2fs, then one field broken at a time: each must fail within 2 s with one
 * line naming the structure, its byte offset and the bad value. Offsets come from the spec's field
 * offsets and from debugfs/dumpe2fs, never from jgrub.
 */
class Ext2HostileImageTest {
    private static final long SB = 1024;

    @TempDir
    static Path dir;
    static Path ext4;
    static Path ext2;
    static Path inline;
    static Map<String, String> ext4Sb;
    static long gdt;
    static int copies;

    @BeforeAll
    static void images() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src4"));
        Files.writeString(src.resolve("a.txt"), "hello\n");
        Files.createDirectories(src.resolve("d/sub"));
        byte[] big = new byte[40960];
        new java.util.Random(1).nextBytes(big);
        Files.write(src.resolve("d/big"), big);
        try (RandomAccessFile f = new RandomAccessFile(src.resolve("d/fragmented").toFile(), "rw")) {
            for (int i = 0; i < 12; i++) {
                f.seek(i * 3L * 65536);
                f.write(big, 0, 4096);
            }
        }
        Path many = Files.createDirectories(src.resolve("many"));
        for (int i = 0; i < 300; i++) {
            Files.createFile(many.resolve("a_rather_long_file_name_number_" + i));
        }
        Files.createDirectories(src.resolve("links"));
        Files.createSymbolicLink(src.resolve("links/slow"), Path.of("/" + "x".repeat(100)));
        Files.createSymbolicLink(src.resolve("links/loop1"), Path.of("loop2"));
        Files.createSymbolicLink(src.resolve("links/loop2"), Path.of("loop1"));
        ext4 = HostImages.build(dir, "base4", 16L << 20, src,
                List.of("-t", "ext4", "-b", "4096", "-I", "256", "-N", "512", "-O", "^has_journal"));
        HostImages.indexDirectories(ext4);
        ext4Sb = HostImages.superblock(ext4);
        Matcher m = Pattern.compile("Group descriptors at (\\d+)").matcher(dumpe2fs(ext4));
        assertTrue(m.find());
        gdt = Long.parseLong(m.group(1)) * 4096;

        Path src2 = Files.createDirectories(dir.resolve("src2"));
        byte[] mid = new byte[300 * 1024];
        new java.util.Random(2).nextBytes(mid);
        Files.write(src2.resolve("mid"), mid);
        ext2 = HostImages.build(dir, "base2", 16L << 20, src2, List.of("-t", "ext2", "-b", "1024", "-N", "256"));

        Path srci = Files.createDirectories(dir.resolve("srci"));
        Files.writeString(srci.resolve("small.txt"), "s".repeat(100));
        Files.createDirectories(srci.resolve("idir"));
        Files.writeString(srci.resolve("idir/x"), "x");
        inline = HostImages.build(dir, "basei", 16L << 20, srci,
                List.of("-t", "ext4", "-b", "4096", "-I", "256", "-O", "inline_data,^has_journal"));
    }

    static String dumpe2fs(Path image) throws IOException {
        return HostImages.run(List.of(org.jgrub.core.testing.HostTools.require("dumpe2fs", "e2fsprogs").toString(),
                image.toString())).text();
    }

    /** A private copy of a base image to break. */
    static Path copy(Path base) throws IOException {
        Path p = dir.resolve("broken" + (copies++) + ".img");
        Files.copy(base, p);
        return p;
    }

    interface FsOp {
        void run(FileSystem fs) throws IOException;
    }

    /** Mounts {@code image}, runs {@code op}, and returns the message of the {@code type} it must throw. */
    static String failure(Class<? extends JgrubException> type, Path image, FsOp op) {
        return assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try (ImageFile dev = ImageFile.open("hd0", image)) {
                JgrubException e = assertThrows(type, () -> op.run(new Ext2FileSystemType().open(dev)));
                return e.getMessage();
            }
        });
    }

    static String corrupt(Path image, FsOp op) {
        return failure(CorruptStructureException.class, image, op);
    }

    static final FsOp MOUNT = fs -> {};

    static FsOp read(String path) {
        return fs -> {
            Node n = PathResolver.resolve(fs, path, FinalLink.FOLLOW);
            ByteBuffer b = ByteBuffer.allocate(1 << 16);
            for (long pos = 0; ; pos += b.position()) {
                b.clear();
                if (n.read(pos, b) == 0) {
                    break;
                }
            }
        };
    }

    static FsOp list(String path) {
        return fs -> PathResolver.resolve(fs, path, FinalLink.FOLLOW).list();
    }

    // ---- superblock ----

    @Test
    void truncatedImage() throws IOException {
        Path p = copy(ext4);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(8L << 20);
        }
        assertEquals("ext4 superblock at byte 1024: s_blocks_count 4096 of 4096 bytes runs past the end of the device"
                + " (8388608 bytes)", corrupt(p, MOUNT));
    }

    @Test
    void badMagicIsAnotherFormat() throws IOException {
        Path p = copy(ext4);
        HostImages.patch16(p, SB + 0x38, 0x1234);
        assertEquals("hd0: no ext2 magic at byte 1080", failure(NotThisFormatException.class, p, MOUNT));
        try (ImageFile dev = ImageFile.open("hd0", p)) {
            assertTrue(FileSystems.probe(dev).isEmpty());
        }
    }

    @Test
    void tinyDeviceIsAnotherFormat() throws IOException {
        Path p = dir.resolve("tiny.img");
        Files.write(p, new byte[1500]);
        assertEquals("hd0: too small for an ext2 superblock", failure(NotThisFormatException.class, p, MOUNT));
    }

    @Test
    void logBlockSize31() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, SB + 0x18, 31);
        assertEquals("ext4 superblock at byte 1024: s_log_block_size 31 out of range (0..6)", corrupt(p, MOUNT));
    }

    @Test
    void zeroBlocksPerGroup() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, SB + 0x20, 0);
        assertEquals("ext4 superblock at byte 1024: s_blocks_per_group 0 out of range (8..32768)", corrupt(p, MOUNT));
    }

    @Test
    void zeroInodesPerGroup() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, SB + 0x28, 0);
        assertEquals("ext4 superblock at byte 1024: s_inodes_per_group 0 out of range (1..32768)", corrupt(p, MOUNT));
    }

    @Test
    void blocksCountBeyondImage() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, SB + 0x04, 0x10000000);
        assertEquals("ext4 superblock at byte 1024: s_blocks_count 268435456 of 4096 bytes runs past the end of the"
                + " device (16777216 bytes)", corrupt(p, MOUNT));
    }

    @Test
    void absurdGroupCount() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, SB + 0x20, 8);
        long inodes = HostImages.number(ext4Sb, "Inode count");
        long perGroup = HostImages.number(ext4Sb, "Inodes per group");
        assertEquals("ext4 superblock at byte 1024: s_inodes_count " + inodes + " does not match 512 groups of "
                + perGroup + " inodes", corrupt(p, MOUNT));
    }

    @Test
    void inodesCountMismatch() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, SB, 0xFFFFFFFFL);
        assertEquals("ext4 superblock at byte 1024: s_inodes_count 4294967295 does not match 1 groups of "
                + HostImages.number(ext4Sb, "Inodes per group") + " inodes", corrupt(p, MOUNT));
    }

    @Test
    void descSizeNotPowerOfTwo() throws IOException {
        Path p = copy(ext4);
        HostImages.patch16(p, SB + 0xFE, 48);
        assertEquals("ext4 superblock at byte 1024: s_desc_size 48 is not a power of two from 64 to 1024", corrupt(p, MOUNT));
    }

    @Test
    void descSizeTooLarge() throws IOException {
        Path p = copy(ext4);
        HostImages.patch16(p, SB + 0xFE, 4096);
        assertEquals("ext4 superblock at byte 1024: s_desc_size 4096 is not a power of two from 64 to 1024", corrupt(p, MOUNT));
    }

    @Test
    void inodeSizeNotPowerOfTwo() throws IOException {
        Path p = copy(ext4);
        HostImages.patch16(p, SB + 0x58, 200);
        assertEquals("ext4 superblock at byte 1024: s_inode_size 200 is not a power of two from 128 to the block size 4096",
                corrupt(p, MOUNT));
    }

    @Test
    void inodeSizeAboveBlockSize() throws IOException {
        Path p = copy(ext4);
        HostImages.patch16(p, SB + 0x58, 8192);
        assertEquals("ext4 superblock at byte 1024: s_inode_size 8192 is not a power of two from 128 to the block size 4096",
                corrupt(p, MOUNT));
    }

    @Test
    void unknownRevision() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, SB + 0x4C, 7);
        assertEquals("ext4 superblock at byte 1024: s_rev_level 7 is newer than 1", corrupt(p, MOUNT));
    }

    @Test
    void firstDataBlockWrong() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, SB + 0x14, 5);
        assertEquals("ext4 superblock at byte 1024: s_first_data_block 5 is not 0 for 4096-byte blocks", corrupt(p, MOUNT));
    }

    @Test
    void firstInodeReserved() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, SB + 0x54, 3);
        assertEquals("ext4 superblock at byte 1024: s_first_ino 3 out of range (11.."
                + HostImages.number(ext4Sb, "Inode count") + ")", corrupt(p, MOUNT));
    }

    @Test
    void firstMetaBgBeyondDescriptors() throws IOException {
        Path p = copy(ext4);
        long incompat = HostImages.read32(p, SB + 0x60);
        HostImages.patch32(p, SB + 0x60, incompat | FeatureBits.EXT2_FEATURE_INCOMPAT_META_BG);
        HostImages.patch32(p, SB + 0x104, 1000);
        assertEquals("ext4 superblock at byte 1024: s_first_meta_bg 1000 exceeds the 1 descriptor blocks", corrupt(p, MOUNT));
    }

    @Test
    void unknownIncompatRefused() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, SB + 0x60, HostImages.read32(p, SB + 0x60) | 0x40000000L);
        assertEquals("hd0: ext4 has unknown incompat feature bits 0x40000000",
                failure(UnsupportedFeatureException.class, p, MOUNT));
    }

    @Test
    void compressionRefused() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, SB + 0x60, HostImages.read32(p, SB + 0x60) | 0x1);
        assertEquals("hd0: ext4 feature compression (incompat 0x1) is not supported: the e2compr patches never reached"
                + " Linux; their block layout is undocumented", failure(UnsupportedFeatureException.class, p, MOUNT));
    }

    @Test
    void journalDeviceRefused() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, SB + 0x60, HostImages.read32(p, SB + 0x60) | 0x8);
        assertEquals("hd0: ext4 feature journal_dev (incompat 0x8) is not supported: this is an external journal"
                + " device, it holds no files", failure(UnsupportedFeatureException.class, p, MOUNT));
    }

    @Test
    void needsRecoveryMountsWithAWarning() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, SB + 0x60, HostImages.read32(p, SB + 0x60) | 0x4);
        try (ImageFile dev = ImageFile.open("hd0", p)) {
            FileSystem fs = new Ext2FileSystemType().open(dev);
            assertEquals(List.of("needs journal recovery; read as it stands"), fs.warnings());
            assertEquals("hello\n", Ext2FeatureMatrixTest.content(fs, "/a.txt"));
        }
    }

    // ---- group descriptors and inodes ----

    @Test
    void inodeTableOutsideTheFilesystem() throws IOException {
        Path p = copy(ext4);
        HostImages.patch32(p, gdt + 0x08, 0x00FFFFFF);
        long tableBlocks = HostImages.number(ext4Sb, "Inode blocks per group");
        assertEquals("ext4 group descriptor 0 at byte " + gdt + ": bg_inode_table 16777215 (" + tableBlocks
                + " blocks) lies outside the filesystem (4096 blocks)", corrupt(p, list("/")));
    }

    @Test
    void extraIsizeTooLarge() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.inodeOffset(ext4, "/a.txt");
        HostImages.patch16(p, at + 0x80, 300);
        assertEquals(inode(ext4, "/a.txt") + ": i_extra_isize 300 does not fit a 256-byte inode", corrupt(p, read("/a.txt")));
    }

    @Test
    void encryptedFileRefused() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.inodeOffset(ext4, "/a.txt");
        HostImages.patch32(p, at + 0x20, HostImages.read32(p, at + 0x20) | FeatureBits.EXT4_ENCRYPT_FL);
        assertEquals("hd0: ext4 inode " + HostImages.inodeNumber(ext4, "/a.txt")
                + " is encrypted (EXT4_ENCRYPT_FL); jgrub cannot read fscrypt files",
                failure(UnsupportedFeatureException.class, p, read("/a.txt")));
    }

    @Test
    void fileSizeBeyondTheExtentTree() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.inodeOffset(ext4, "/a.txt");
        HostImages.patch32(p, at + 0x6C, 0x10000);
        assertEquals(inode(ext4, "/a.txt") + ": i_size " + ((0x10000L << 32) + 6)
                + " exceeds the 17592186044416 bytes its extent tree can address", corrupt(p, read("/a.txt")));
    }

    @Test
    void directorySizeAbsurd() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.inodeOffset(ext4, "/d");
        HostImages.patch32(p, at + 0x6C, 0x100);
        assertEquals(inode(ext4, "/d") + ": directory i_size " + ((0x100L << 32) + 4096)
                + " exceeds the device (16777216 bytes)", corrupt(p, list("/d")));
    }

    @Test
    void symlinkSizeHuge() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.inodeOffset(ext4, "/links/slow");
        HostImages.patch32(p, at + 0x04, 1_000_000);
        assertEquals(inode(ext4, "/links/slow") + ": symlink size 1000000 out of range (1..4096)",
                corrupt(p, fs -> PathResolver.resolve(fs, "/links/slow", FinalLink.KEEP).readLink()));
    }

    @Test
    void symlinkLoopEnds() {
        String message = failure(JgrubException.class, ext4, read("/links/loop1"));
        assertEquals("too many levels of symbolic links resolving `/links/loop1'", message);
    }

    static String inode(Path image, String path) throws IOException {
        return "ext4 inode " + HostImages.inodeNumber(image, path) + " at byte " + HostImages.inodeOffset(image, path);
    }

    // ---- directory entries ----

    /** Device offset of the entry named {@code name} in the first block of directory {@code path}. */
    static long entry(Path image, String path, String name) throws IOException {
        long block = HostImages.blocks(image, path)[0] * 4096;
        byte[] b = HostImages.read(image, block, 4096);
        byte[] want = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 8; i + want.length <= b.length; i++) {
            if (java.util.Arrays.equals(b, i, i + want.length, want, 0, want.length) && b[i - 2] == want.length) {
                return block + i - 8;
            }
        }
        throw new AssertionError(name + " not in the first block of " + path);
    }

    static String dirEntry(long at) {
        return "ext4 directory entry of inode 2 at byte " + at + ": ";
    }

    @Test
    void entryInodeOutOfRange() throws IOException {
        Path p = copy(ext4);
        long at = entry(ext4, "/", "a.txt");
        HostImages.patch32(p, at, 0x7FFFFFFF);
        assertEquals(dirEntry(at) + "inode 2147483647 out of range (1.." + HostImages.number(ext4Sb, "Inode count") + ")",
                corrupt(p, list("/")));
    }

    @Test
    void recLenZero() throws IOException {
        Path p = copy(ext4);
        long at = entry(ext4, "/", "a.txt");
        HostImages.patch16(p, at + 4, 0);
        assertEquals(dirEntry(at) + "rec_len 0", corrupt(p, list("/")));
    }

    @Test
    void recLenPastTheBlock() throws IOException {
        Path p = copy(ext4);
        long at = entry(ext4, "/", "a.txt");
        HostImages.patch16(p, at + 4, 4096);
        assertEquals(dirEntry(at) + "rec_len 4096 runs past the end of the block (" + (4096 - at % 4096) + " bytes left)",
                corrupt(p, list("/")));
    }

    @Test
    void recLenNotAligned() throws IOException {
        Path p = copy(ext4);
        long at = entry(ext4, "/", "a.txt");
        HostImages.patch16(p, at + 4, 13);
        assertEquals(dirEntry(at) + "rec_len 13 is not a multiple of 4", corrupt(p, list("/")));
    }

    @Test
    void recLenBelowMinimum() throws IOException {
        Path p = copy(ext4);
        long at = entry(ext4, "/", "a.txt");
        HostImages.patch16(p, at + 4, 8);
        assertEquals(dirEntry(at) + "rec_len 8 is below the minimum 12", corrupt(p, list("/")));
    }

    @Test
    void nameLenBeyondRecLen() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.blocks(ext4, "/")[0] * 4096; // the "." entry, rec_len 12
        HostImages.patch8(p, at + 6, 200);
        assertEquals(dirEntry(at) + "name_len 200 does not fit in rec_len 12", corrupt(p, list("/")));
    }

    @Test
    void htreeRootGarbage() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.blocks(ext4, "/many")[0] * 4096;
        HostImages.patch8(p, at + 0x1E, 9);
        assertEquals("ext4 htree root of inode " + HostImages.inodeNumber(ext4, "/many") + " at byte " + at
                + ": indirect_levels 9 exceeds 1", corrupt(p, list("/many")));
    }

    @Test
    void htreeInfoLengthGarbage() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.blocks(ext4, "/many")[0] * 4096;
        HostImages.patch8(p, at + 0x1D, 0xEE);
        assertEquals("ext4 htree root of inode " + HostImages.inodeNumber(ext4, "/many") + " at byte " + at
                + ": info_length 238 is not 8", corrupt(p, list("/many")));
    }

    // ---- extent trees ----

    static String extents(Path image, String path) throws IOException {
        return "ext4 extent tree of inode " + HostImages.inodeNumber(image, path) + " at byte ";
    }

    /** ee_len of the first leaf extent, as debugfs {@code ex} prints it. */
    static int firstExtentLength(Path image, String path) throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s*0/\\s*0\\s+\\d+/\\s*\\d+\\s+\\d+\\s+-\\s+\\d+\\s+\\d+\\s+-\\s+\\d+\\s+(\\d+)")
                .matcher(HostImages.debugfs(image, "ex " + path));
        assertTrue(m.find(), "debugfs ex " + path);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void extentMagicWrong() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.inodeOffset(ext4, "/d/big") + 0x28;
        HostImages.patch16(p, at, 0x1234);
        assertEquals(extents(ext4, "/d/big") + at + ": eh_magic 0x1234 is not 0xf30a", corrupt(p, read("/d/big")));
    }

    @Test
    void extentDepthSix() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.inodeOffset(ext4, "/d/big") + 0x28;
        HostImages.patch16(p, at + 6, 6);
        assertEquals(extents(ext4, "/d/big") + at + ": eh_depth 6 exceeds 5", corrupt(p, read("/d/big")));
    }

    @Test
    void extentEntriesOverMax() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.inodeOffset(ext4, "/d/big") + 0x28;
        HostImages.patch16(p, at + 2, 5);
        assertEquals(extents(ext4, "/d/big") + at + ": eh_entries 5 exceeds eh_max 4", corrupt(p, read("/d/big")));
    }

    @Test
    void extentMaxOverRoom() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.inodeOffset(ext4, "/d/big") + 0x28;
        HostImages.patch16(p, at + 4, 5);
        assertEquals(extents(ext4, "/d/big") + at + ": eh_max 5 exceeds the node's room for 4 entries",
                corrupt(p, read("/d/big")));
    }

    @Test
    void extentOutsideTheFilesystem() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.inodeOffset(ext4, "/d/big") + 0x28 + 12;
        HostImages.patch32(p, at + 8, 0x7FFFFFFF);
        assertEquals(extents(ext4, "/d/big") + at + ": extent 0 maps " + firstExtentLength(ext4, "/d/big")
                + " blocks at block 2147483647, outside the filesystem (4096 blocks)", corrupt(p, read("/d/big")));
    }

    @Test
    void extentTreeLoop() throws IOException {
        Path p = copy(ext4);
        // debugfs "ex": the level-0 line of a depth-1 tree names the leaf block.
        Matcher m = Pattern.compile("(?m)^\\s*0/\\s*1\\s+\\d+/\\s*\\d+\\s+\\d+\\s+-\\s+\\d+\\s+(\\d+)")
                .matcher(HostImages.debugfs(ext4, "ex /d/fragmented"));
        assertTrue(m.find(), "no depth-1 extent tree");
        long leaf = Long.parseLong(m.group(1));
        long at = leaf * 4096;
        // Turn the leaf into an index node whose only entry points at itself.
        HostImages.patch16(p, at + 2, 1);
        HostImages.patch16(p, at + 6, 1);
        HostImages.patch32(p, at + 12, 0);
        HostImages.patch32(p, at + 16, leaf);
        HostImages.patch16(p, at + 20, 0);
        assertEquals(extents(ext4, "/d/fragmented") + at + ": eh_depth 1 where 0 was expected (the tree loops or a"
                + " block is misplaced)", corrupt(p, read("/d/fragmented")));
    }

    @Test
    void uninitialisedExtentReadsAsZeros() throws IOException {
        Path p = copy(ext4);
        long at = HostImages.inodeOffset(ext4, "/d/big") + 0x28 + 12;
        int length = firstExtentLength(ext4, "/d/big");
        HostImages.patch16(p, at + 4, length + 32768);
        byte[] source = Files.readAllBytes(dir.resolve("src4/d/big"));
        try (ImageFile dev = ImageFile.open("hd0", p)) {
            FileSystem fs = new Ext2FileSystemType().open(dev);
            Node n = PathResolver.resolve(fs, "/d/big", FinalLink.FOLLOW);
            ByteBuffer b = ByteBuffer.allocate(40960);
            assertEquals(40960, n.read(0, b));
            java.util.Arrays.fill(source, 0, length * 4096, (byte) 0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(source, b.array());
        }
    }

    // ---- ext2 block maps ----

    static String blockMap(long pointerAt) throws IOException {
        return "ext2 block map of inode " + HostImages.inodeNumber(ext2, "/mid") + " at byte " + pointerAt + ": ";
    }

    @Test
    void directPointerOutside() throws IOException {
        Path p = copy(ext2);
        long at = HostImages.inodeOffset(ext2, "/mid") + 0x28;
        HostImages.patch32(p, at, 0x7FFFFFFF);
        assertEquals(blockMap(at) + "block pointer 2147483647 lies outside the filesystem (16384 blocks)",
                corrupt(p, read("/mid")));
    }

    @Test
    void indirectPointerOutside() throws IOException {
        Path p = copy(ext2);
        long at = HostImages.inodeOffset(ext2, "/mid") + 0x28 + 12 * 4;
        HostImages.patch32(p, at, 0x7FFFFFFF);
        assertEquals(blockMap(at) + "block pointer 2147483647 lies outside the filesystem (16384 blocks)",
                corrupt(p, read("/mid")));
    }

    @Test
    void pointerInsideAnIndirectBlockOutside() throws IOException {
        Path p = copy(ext2);
        Matcher m = Pattern.compile("\\(IND\\):(\\d+)").matcher(HostImages.debugfs(ext2, "stat /mid"));
        assertTrue(m.find());
        long at = Long.parseLong(m.group(1)) * 1024 + 5 * 4;
        HostImages.patch32(p, at, 0x7FFFFFFF);
        assertEquals(blockMap(at) + "block pointer 2147483647 lies outside the filesystem (16384 blocks)",
                corrupt(p, read("/mid")));
    }

    @Test
    void doubleIndirectPointerOutside() throws IOException {
        Path p = copy(ext2);
        long at = HostImages.inodeOffset(ext2, "/mid") + 0x28 + 13 * 4;
        HostImages.patch32(p, at, 0xFFFFFFFFL);
        assertEquals(blockMap(at) + "block pointer 4294967295 lies outside the filesystem (16384 blocks)",
                corrupt(p, read("/mid")));
    }

    // ---- inline data ----

    @Test
    void inlineSizeBeyondTheData() throws IOException {
        Path p = copy(inline);
        long at = HostImages.inodeOffset(inline, "/small.txt");
        HostImages.patch32(p, at + 0x04, 500);
        assertEquals("ext4 inode " + HostImages.inodeNumber(inline, "/small.txt") + " at byte " + at
                + ": i_size 500 exceeds the 100 bytes of inline data", corrupt(p, read("/small.txt")));
    }

    @Test
    void inlineValueBeyondTheInode() throws IOException {
        Path p = copy(inline);
        long at = HostImages.inodeOffset(inline, "/small.txt");
        int extra = ByteBuffer.wrap(HostImages.read(inline, at + 0x80, 2)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getShort();
        long area = at + 128 + extra;
        long entry = area + 4;
        // The first entry of this fresh inode is system.data (debugfs ea_list shows it).
        assertTrue(HostImages.debugfs(inline, "ea_list /small.txt").contains("system.data"));
        int valueOffs = ByteBuffer.wrap(HostImages.read(inline, entry + 2, 2)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getShort();
        HostImages.patch32(p, entry + 8, 5000);
        assertEquals("ext4 inode " + HostImages.inodeNumber(inline, "/small.txt") + " xattrs at byte " + entry
                + ": system.data value of 5000 bytes at offset " + valueOffs + " runs past the " + (256 - 128 - extra - 4)
                + "-byte xattr area", corrupt(p, read("/small.txt")));
    }

    @Test
    void inlineDirectoryReads() throws IOException {
        try (ImageFile dev = ImageFile.open("hd0", inline)) {
            FileSystem fs = new Ext2FileSystemType().open(dev);
            List<DirEntry> l = PathResolver.resolve(fs, "/idir", FinalLink.FOLLOW).list();
            assertEquals(List.of("x"), l.stream().map(DirEntry::name).toList());
            assertEquals(NodeType.FILE, l.get(0).type());
            assertEquals("s".repeat(100), Ext2FeatureMatrixTest.content(fs, "/small.txt"));
        }
    }
}
