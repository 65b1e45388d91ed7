package org.jgrub.fs.ext2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jgrub.core.disk.ImageFile;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.FileSystems;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.PathResolver;
import org.jgrub.core.fs.PathResolver.FinalLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One image per feature combination, made by the real mke2fs from {@link SourceTree#standard};
 * jgrub must read every node as the source has it, and list every directory as grub-fstest does.
 */
class Ext2FeatureMatrixTest {
    private static final long M = 1024 * 1024;

    /**
     * @param grub    whether grub-fstest (GRUB 2.06) reads this combination, so it can be compared
     * @param indexed whether e2fsck -D turns the directories into htrees afterwards
     */
    record Case(String name, String type, long size, boolean grub, boolean indexed, String mkfs) {
        @Override
        public String toString() {
            return name + " (" + mkfs + ")";
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("ext2-1k", "ext2", 96 * M, true, false, "-t ext2 -b 1024 -N 512"),
                new Case("ext2-rev0", "ext2", 96 * M, true, false, "-t ext2 -r 0 -b 1024 -N 512"),
                new Case("ext3-2k", "ext3", 64 * M, true, false, "-t ext3 -b 2048 -g 8192 -N 256"),
                new Case("ext4", "ext4", 64 * M, true, false, "-t ext4"),
                new Case("ext4-64k", "ext4", 256 * M, true, false, "-t ext4 -b 65536"),
                new Case("ext4-blockmap", "ext4", 64 * M, true, false, "-t ext4 -O ^extent,^64bit -g 4096 -N 256"),
                new Case("ext4-noflex", "ext4", 64 * M, true, false, "-t ext4 -O ^flex_bg -g 4096 -N 256"),
                new Case("ext4-meta_bg", "ext4", 256 * M, true, false, "-t ext4 -b 1024 -O meta_bg,^resize_inode -N 512"),
                new Case("ext4-sparse2", "ext4", 64 * M, true, false, "-t ext4 -O sparse_super2 -g 4096 -N 256"),
                new Case("ext4-inode128", "ext4", 64 * M, true, false, "-t ext4 -I 128"),
                new Case("ext4-inline", "ext4", 64 * M, false, false, "-t ext4 -O inline_data"),
                new Case("ext4-csumseed", "ext4", 64 * M, true, false, "-t ext4 -O metadata_csum_seed"),
                new Case("ext4-orphan", "ext4", 64 * M, true, false, "-t ext4 -O orphan_file"),
                new Case("ext4-mmp", "ext4", 64 * M, true, false, "-t ext4 -O mmp"),
                new Case("ext4-64bit-1k", "ext4", 96 * M, true, false, "-t ext4 -b 1024 -O 64bit -N 512"),
                new Case("ext4-32bitdesc", "ext4", 64 * M, true, false, "-t ext4 -O ^64bit -g 4096 -N 256"),
                new Case("ext4-bigalloc", "ext4", 128 * M, false, false, "-t ext4 -O bigalloc -C 16384"),
                new Case("ext4-htree", "ext4", 64 * M, true, true, "-t ext4 -b 1024 -N 512"),
                new Case("ext4-2k-nojnl", "ext4", 64 * M, true, false, "-t ext4 -b 2048 -O ^has_journal"));
    }

    @TempDir
    static Path dir;
    static Path source;

    @BeforeAll
    static void source() throws IOException {
        source = SourceTree.standard(dir.resolve("src"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsLikeTheSourceAndGrub(Case c) throws IOException {
        List<String> options = new ArrayList<>(List.of(c.mkfs().split(" ")));
        String label = "jg-" + c.name().substring(0, Math.min(12, c.name().length()));
        options.addAll(List.of("-L", label));
        Path image = HostImages.build(dir, c.name(), c.size(), source, options);
        if (c.indexed()) {
            HostImages.indexDirectories(image);
            assertTrue(HostImages.debugfs(image, "htree /many").contains("Indirect levels"), "e2fsck -D made no htree");
        }
        Map<String, String> sb = HostImages.superblock(image);
        try (ImageFile dev = ImageFile.open("hd0", image)) {
            FileSystem fs = FileSystems.probe(dev).orElseThrow();
            assertEquals(c.type(), fs.typeName());
            assertEquals(sb.get("Filesystem UUID"), fs.uuid().orElseThrow());
            assertEquals(label, fs.label().orElseThrow());
            assertEquals(List.of(), fs.warnings());
            TreeComparison.matchesSource(fs, source);
            followsLinks(fs);
            Node hard = PathResolver.resolve(fs, "/hard", FinalLink.KEEP);
            assertEquals(PathResolver.resolve(fs, "/a.txt", FinalLink.KEEP).id(), hard.id(), "hard link");
            if (c.grub()) {
                TreeComparison.matchesGrub(fs, image, source);
            }
        }
    }

    /** Fast and slow, relative and absolute links, chains and a link to a directory. */
    static void followsLinks(FileSystem fs) throws IOException {
        assertEquals("hello\n", content(fs, "/links/rel"));
        assertEquals("reached through a slow symlink\n", content(fs, "/links/slow"));
        assertEquals("reached through a slow symlink\n", content(fs, "/links/slowrel"));
        assertEquals("reached through a slow symlink\n", content(fs, "/links/chain1"));
        assertEquals("in sub\n", content(fs, "/links/dir/file"));
        assertEquals(3 * 1024 * 1024 + 123, PathResolver.resolve(fs, "/links/abs", FinalLink.FOLLOW).size());
        StringBuilder deep = new StringBuilder("/deep");
        for (int i = 0; i < SourceTree.DEEP_LEVELS; i++) {
            deep.append("/level").append(i);
        }
        assertEquals("at the bottom\n", content(fs, deep + "/leaf.txt"));
        assertEquals("at the bottom\n", content(fs, deep + "/../level" + (SourceTree.DEEP_LEVELS - 1) + "/./leaf.txt"));
    }

    static String content(FileSystem fs, String path) throws IOException {
        Node n = PathResolver.resolve(fs, path, FinalLink.FOLLOW);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) n.size());
        n.read(0, b);
        return new String(b.array(), StandardCharsets.UTF_8);
    }

    static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }
}
