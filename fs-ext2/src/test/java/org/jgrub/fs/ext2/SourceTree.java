package org.jgrub.fs.ext2;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** The directory trees tests hand to {@code mke2fs -d}; the bytes jgrub must read back. */
final class SourceTree {
    private SourceTree() {}

    static final String SLOW_TARGET_DIR = "a_directory_whose_name_is_long_enough_to_make_links_slow_symlinks";
    static final int DEEP_LEVELS = 32;

    /** Every kind of node the matrix checks, a few MiB of real data. */
    static Path standard(Path root) throws IOException {
        Files.createDirectories(root);
        Random random = new Random(42);
        Files.writeString(root.resolve("a.txt"), "hello\n");
        Files.createFile(root.resolve("empty"));
        Files.createLink(root.resolve("hard"), root.resolve("a.txt"));
        Path d = Files.createDirectories(root.resolve("d/sub"));
        Files.writeString(d.resolve("file"), "in sub\n");
        byte[] big = new byte[3 * 1024 * 1024 + 123];
        random.nextBytes(big);
        Files.write(root.resolve("d/big"), big);
        // Data, a hole, data, a hole, one byte at the end (mke2fs 1.47.0 with inline_data gets a
        // trailing hole's i_size wrong, so the large-file test has those instead).
        try (RandomAccessFile f = new RandomAccessFile(root.resolve("d/holes").toFile(), "rw")) {
            byte[] chunk = new byte[1024 * 1024];
            random.nextBytes(chunk);
            f.write(chunk);
            f.seek(8L * 1024 * 1024 + 512);
            f.write(chunk);
            f.seek(12L * 1024 * 1024 - 1);
            f.write(7);
        }
        // Past the double-indirect range of 1 KiB blocks (64.25 MiB): triple-indirect blocks.
        try (RandomAccessFile f = new RandomAccessFile(root.resolve("d/triple").toFile(), "rw")) {
            byte[] chunk = new byte[70 * 1024];
            random.nextBytes(chunk);
            f.write(chunk, 0, 5000);
            f.seek(66L * 1024 * 1024 + 17);
            f.write(chunk);
            f.seek(70L * 1024 * 1024 + 2);
            f.write(9);
        }
        // Many small fragments: more extents than fit in the inode (a depth-1 extent tree).
        try (RandomAccessFile f = new RandomAccessFile(root.resolve("d/fragmented").toFile(), "rw")) {
            byte[] chunk = new byte[4096];
            for (int i = 0; i < 12; i++) {
                random.nextBytes(chunk);
                f.seek(i * 3L * 65536);
                f.write(chunk);
            }
        }
        Path many = Files.createDirectories(root.resolve("many"));
        for (int i = 0; i < 150; i++) {
            Files.writeString(many.resolve("file-number-" + i), "file number " + i + "\n".repeat(i));
        }
        Files.writeString(root.resolve("naïve-ü.txt"), "utf-8 name\n", StandardCharsets.UTF_8);
        Path deep = root.resolve("deep");
        for (int i = 0; i < DEEP_LEVELS; i++) {
            deep = deep.resolve("level" + i);
        }
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("leaf.txt"), "at the bottom\n");
        Path links = Files.createDirectories(root.resolve("links"));
        Path slowDir = Files.createDirectories(root.resolve(SLOW_TARGET_DIR));
        Files.writeString(slowDir.resolve("target.txt"), "reached through a slow symlink\n");
        Files.createSymbolicLink(links.resolve("rel"), Path.of("../a.txt"));
        Files.createSymbolicLink(links.resolve("abs"), Path.of("/d/big"));
        Files.createSymbolicLink(links.resolve("slow"), Path.of("/" + SLOW_TARGET_DIR + "/target.txt"));
        Files.createSymbolicLink(links.resolve("slowrel"), Path.of("../" + SLOW_TARGET_DIR + "/../" + SLOW_TARGET_DIR + "/target.txt"));
        Files.createSymbolicLink(links.resolve("chain1"), Path.of("chain2"));
        Files.createSymbolicLink(links.resolve("chain2"), Path.of("/links/chain3"));
        Files.createSymbolicLink(links.resolve("chain3"), Path.of("slow"));
        Files.createSymbolicLink(links.resolve("dir"), Path.of("/d/sub"));
        Files.createSymbolicLink(links.resolve("dangling"), Path.of("nowhere"));
        return root;
    }
}
