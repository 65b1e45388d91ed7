package org.jgrub.cli.inspect;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.fs.DirEntry;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.NodeType;
import org.jgrub.core.fs.PathResolver;

/** GRUB's {@code ls} output formats (grub-core/commands/ls.c), shared by jgrub's ls and the GRUB prompt. */
public final class Listing {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private Listing() {}

    /** {@code Device hd0,gpt2: Filesystem type ext4 - Label `boot', UUID ... - Total size NKiB}. */
    public static String device(FileSystem fs) {
        return "Device " + fs.device().name() + ": Filesystem type " + fs.typeName()
                + fs.label().map(l -> " - Label `" + l + "'").orElse("")
                + fs.uuid().map(u -> ", UUID " + u).orElse("") + " - Total size " + (fs.device().size() / 1024) + "KiB";
    }

    /** Names separated by spaces, directories ending in '/', a trailing space (as GRUB). */
    public static String names(List<DirEntry> entries) {
        StringBuilder b = new StringBuilder();
        for (DirEntry e : entries) {
            b.append(e.name()).append(e.type() == NodeType.DIRECTORY ? "/" : "").append(' ');
        }
        return b.toString();
    }

    /**
     * One line per entry: DIR or the size, the mtime (UTC), the name. A symlink shows its target
     * file's size; links to directories and dangling links are left out, as in GRUB's ls -l.
     */
    public static String longLines(FileSystem fs, String dir, List<DirEntry> entries) throws JgrubException {
        StringBuilder b = new StringBuilder();
        for (DirEntry e : entries) {
            Node child = fs.node(e.id());
            if (child.type() == NodeType.SYMLINK) {
                child = followOrNull(fs, dir + "/" + e.name());
                if (child == null || child.type() == NodeType.DIRECTORY) {
                    continue;
                }
            }
            b.append(line(child, e.name() + (child.type() == NodeType.DIRECTORY ? "/" : ""))).append('\n');
        }
        return b.toString();
    }

    public static String line(Node n, String name) {
        String size = n.type() == NodeType.DIRECTORY ? "DIR" : Long.toString(n.size());
        return String.format("%-12s %s %s", size, STAMP.format(Instant.ofEpochSecond(n.mtime())), name);
    }

    private static Node followOrNull(FileSystem fs, String path) {
        try {
            return PathResolver.resolve(fs, path, PathResolver.FinalLink.FOLLOW);
        } catch (JgrubException e) {
            return null;
        }
    }
}
