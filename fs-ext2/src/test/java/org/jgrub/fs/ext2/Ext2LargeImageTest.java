package org.jgrub.fs.ext2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.jgrub.core.disk.ImageFile;
import org.jgrub.core.fs.DirEntry;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.PathResolver;
import org.jgrub.core.fs.PathResolver.FinalLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 5 GiB sparse file, a 20 000-entry large_dir htree directory and a 64 MiB file to time. */
class Ext2LargeImageTest {
    static final long HUGE = 5L << 30;
    static final long[] CHUNKS = {0, 3L << 30, (4L << 30) + 1234};
    static final int ENTRIES = 20_000;

    @TempDir
    static Path dir;
    static Path source;
    static Path extents;
    static Path blockMap;

    @BeforeAll
    static void images() throws IOException {
        source = Files.createDirectories(dir.resolve("src"));
        Random random = new Random(5);
        byte[] chunk = new byte[100_000];
        try (RandomAccessFile f = new RandomAccessFile(source.resolve("huge").toFile(), "rw")) {
            for (long at : CHUNKS) {
                random.nextBytes(chunk);
                f.seek(at);
                f.write(chunk);
            }
            f.setLength(HUGE); // a hole at the end
        }
        Path big = Files.createDirectories(source.resolve("big"));
        for (int i = 0; i < ENTRIES; i++) {
            Files.createFile(big.resolve("entry-" + i));
        }
        byte[] data = new byte[64 << 20];
        random.nextBytes(data);
        Files.write(source.resolve("64m"), data);
        extents = HostImages.build(dir, "large", 256L << 20, source, List.of("-t", "ext4", "-O", "large_dir"));
        HostImages.indexDirectories(extents);
        Path small = Files.createDirectories(dir.resolve("src2"));
        Files.createLink(small.resolve("huge"), source.resolve("huge"));
        blockMap = HostImages.build(dir, "blockmap", 64L << 20, small, List.of("-t", "ext2", "-b", "1024"));
    }

    @Test
    void hugeSparseFileWithExtents() throws IOException {
        hugeFile(extents);
    }

    @Test
    void hugeSparseFileWithTripleIndirectBlocks() throws IOException {
        hugeFile(blockMap);
    }

    private static void hugeFile(Path image) throws IOException {
        try (ImageFile dev = ImageFile.open("hd0", image); RandomAccessFile src = new RandomAccessFile(source.resolve("huge").toFile(), "r")) {
            FileSystem fs = new Ext2FileSystemType().open(dev);
            Node n = PathResolver.resolve(fs, "/huge", FinalLink.FOLLOW);
            assertEquals(HUGE, n.size());
            long[] probes = {0, 99_000, CHUNKS[1] - 500, CHUNKS[2] - 70_000, CHUNKS[2] + 99_990, HUGE - 4096};
            for (long at : probes) {
                int len = 100_000;
                ByteBuffer mine = ByteBuffer.allocateDirect(len);
                int got = n.read(at, mine);
                assertEquals(Math.min(len, HUGE - at), got);
                byte[] expected = new byte[got];
                src.seek(at);
                src.readFully(expected);
                byte[] actual = new byte[got];
                mine.flip().get(actual);
                assertArrayEquals(expected, actual, "bytes at " + at);
                byte[] grub = HostImages.grub(List.of("-s", Long.toString(at), "-n", Integer.toString(got)), image, "cat", "/huge")
                        .stdout();
                assertArrayEquals(expected, grub, "grub-fstest cat at " + at);
            }
            assertEquals(0, n.read(HUGE, ByteBuffer.allocate(10)));
            // The whole hole-filled file streams: 5 GiB of mostly zeros.
            ByteBuffer b = ByteBuffer.allocateDirect(16 << 20);
            long total = 0;
            int got;
            while ((got = n.read(total, b.clear())) > 0) {
                total += got;
            }
            assertEquals(HUGE, total);
        }
    }

    @Test
    void twentyThousandEntries() throws IOException {
        assertTrue(HostImages.debugfs(extents, "htree /big").contains("Indirect levels"), "e2fsck -D made no htree");
        try (ImageFile dev = ImageFile.open("hd0", extents)) {
            FileSystem fs = new Ext2FileSystemType().open(dev);
            Node big = PathResolver.resolve(fs, "/big", FinalLink.FOLLOW);
            List<DirEntry> entries = big.list();
            TreeSet<String> names = new TreeSet<>();
            entries.forEach(e -> names.add(e.name()));
            TreeSet<String> expected = new TreeSet<>();
            for (int i = 0; i < ENTRIES; i++) {
                expected.add("entry-" + i);
            }
            assertEquals(expected, names);
            TreeSet<String> grub = new TreeSet<>(List.of(HostImages.grub(extents, "ls", "/big").text().trim().split("\\s+")));
            assertEquals(expected, grub);
            // Speed is measured by scripts/bench-cp.sh, not asserted here.
            for (int i = 0; i < ENTRIES; i++) {
                Node n = PathResolver.resolve(fs, "/big/entry-" + i, FinalLink.FOLLOW);
                assertEquals(0, n.size());
            }
            assertTrue(big.lookup("entry-20000").isEmpty());
        }
    }

    @Test
    void copies64MibStraightIntoADirectBuffer() throws IOException {
        Path out = dir.resolve("grub-copy");
        HostImages.grub(extents, "cp", "/64m", out.toString());
        byte[] expected = Files.readAllBytes(source.resolve("64m"));
        assertArrayEquals(expected, Files.readAllBytes(out));
        try (ImageFile dev = ImageFile.open("hd0", extents)) {
            FileSystem fs = new Ext2FileSystemType().open(dev);
            Node n = PathResolver.resolve(fs, "/64m", FinalLink.FOLLOW);
            ByteBuffer guest = ByteBuffer.allocateDirect(64 << 20);
            assertEquals(64 << 20, n.read(0, guest));
            byte[] mine = new byte[64 << 20];
            guest.flip().get(mine);
            assertArrayEquals(expected, mine);
        }
    }
}
