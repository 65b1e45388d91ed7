package org.jgrub.fs.ext2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jgrub.core.fs.DirEntry;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.NodeType;
import org.jgrub.core.fs.PathResolver;
import org.jgrub.core.fs.PathResolver.FinalLink;

/** Checks a mounted filesystem against the directory it was made from, and against grub-fstest. */
final class TreeComparison {
    private TreeComparison() {}

    private static final Pattern LS_L = Pattern.compile("^(DIR|\\d+)\\s+(\\d{14}) (.*)$");
    private static final DateTimeFormatter GRUB_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    static String path(Path source, Path p) {
        String rel = source.relativize(p).toString();
        return "/" + rel;
    }

    /** Every file, directory and symlink of {@code source}, byte for byte. */
    static void matchesSource(FileSystem fs, Path source) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(source)) {
            all = s.toList();
        }
        for (Path p : all) {
            String at = p.equals(source) ? "/" : path(source, p);
            Node n = PathResolver.resolve(fs, at, FinalLink.KEEP);
            if (Files.isSymbolicLink(p)) {
                assertEquals(NodeType.SYMLINK, n.type(), at);
                assertEquals(Files.readSymbolicLink(p).toString(), n.readLink(), at);
            } else if (Files.isDirectory(p)) {
                assertEquals(NodeType.DIRECTORY, n.type(), at);
                TreeSet<String> expected = new TreeSet<>();
                try (Stream<Path> s = Files.list(p)) {
                    s.forEach(c -> expected.add(c.getFileName().toString()));
                }
                if (at.equals("/")) {
                    expected.add("lost+found");
                }
                List<DirEntry> listed = n.list();
                TreeSet<String> names = new TreeSet<>();
                for (DirEntry e : listed) {
                    names.add(e.name());
                    assertEquals(e, n.lookup(e.name()).orElseThrow(), at + "/" + e.name());
                    assertEquals(fs.node(e.id()).type(), e.type(), at + "/" + e.name());
                }
                assertEquals(expected, names, at);
                assertEquals(expected.size(), listed.size(), at);
                assertTrue(n.lookup("no-such-name").isEmpty());
            } else {
                assertEquals(NodeType.FILE, n.type(), at);
                assertEquals(Files.size(p), n.size(), at);
                sameBytes(n, p, at);
            }
        }
    }

    /** Reads the whole node in 1 MiB pieces into a direct buffer, as a loader does into guest memory. */
    static void sameBytes(Node n, Path local, String what) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        byte[] mine = new byte[1 << 20];
        byte[] theirs = new byte[1 << 20];
        long pos = 0;
        try (InputStream in = Files.newInputStream(local)) {
            while (true) {
                buf.clear();
                int got = n.read(pos, buf);
                int want = in.readNBytes(theirs, 0, theirs.length);
                assertEquals(want, got, what + " at byte " + pos);
                if (got == 0) {
                    break;
                }
                buf.flip();
                buf.get(mine, 0, got);
                if (!java.util.Arrays.equals(mine, 0, got, theirs, 0, got)) {
                    assertArrayEquals(java.util.Arrays.copyOf(theirs, got), java.util.Arrays.copyOf(mine, got),
                            what + " bytes from " + pos);
                }
                pos += got;
            }
        }
        assertEquals(0, n.read(n.size(), ByteBuffer.allocate(1)));
    }

    /** grub-fstest's {@code ls} and {@code ls -l} of every directory agree with jgrub's listing, and GRUB reads each file as the source has it. */
    static void matchesGrub(FileSystem fs, Path image, Path source) throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(source)) {
            dirs = s.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p)).toList();
        }
        for (Path d : dirs) {
            String at = d.equals(source) ? "/" : path(source, d);
            Node n = PathResolver.resolve(fs, at, FinalLink.FOLLOW);
            List<DirEntry> listed = n.list();
            TreeSet<String> mine = new TreeSet<>();
            Map<String, DirEntry> byName = new HashMap<>();
            for (DirEntry e : listed) {
                mine.add(e.type() == NodeType.DIRECTORY ? e.name() + "/" : e.name());
                byName.put(e.name(), e);
            }
            TreeSet<String> grubs = new TreeSet<>(List.of(HostImages.grub(image, "ls", at).text().trim().split("\\s+")));
            assertEquals(grubs, mine, "grub-fstest ls " + at);
            List<String> checked = new ArrayList<>();
            for (String line : HostImages.grub(image, "ls", "-l", at).text().split("\n")) {
                Matcher m = LS_L.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                String name = m.group(3).endsWith("/") ? m.group(3).substring(0, m.group(3).length() - 1) : m.group(3);
                DirEntry e = byName.get(name);
                if (e == null || e.type() == NodeType.SYMLINK) {
                    continue; // GRUB's ls -l follows links; their targets are checked where they live
                }
                Node child = fs.node(e.id());
                assertEquals(m.group(1).equals("DIR") ? NodeType.DIRECTORY : NodeType.FILE, child.type(), at + name);
                if (!m.group(1).equals("DIR")) {
                    assertEquals(Long.parseLong(m.group(1)), child.size(), "size of " + at + "/" + name);
                }
                assertEquals(m.group(2), GRUB_TIME.format(Instant.ofEpochSecond(child.mtime())), "mtime of " + name);
                checked.add(name);
            }
            assertTrue(!checked.isEmpty() || listed.stream().allMatch(e -> e.type() == NodeType.SYMLINK),
                    "grub-fstest ls -l " + at + " listed nothing jgrub could check");
        }
        try (Stream<Path> s = Files.walk(source)) {
            // Every tenth of the many small files is enough: one grub-fstest run each.
            for (Path f : s.filter(p -> Files.isRegularFile(p) && !Files.isSymbolicLink(p))
                    .filter(p -> !p.getParent().getFileName().toString().equals("many") || p.toString().endsWith("0"))
                    .toList()) {
                assertTrue(HostImages.grubSameAs(image, path(source, f), f), "grub-fstest cmp " + path(source, f));
            }
        }
    }
}
