package org.jgrub.core.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.error.JgrubException;
import org.junit.jupiter.api.Test;

/**
 * POSIX path resolution rules (path_resolution(7)): ".", "..", ".." at the root, absolute and
 * relative links, the final-component rule, and MAXSYMLINKS for loops. The tree is a tiny
 * in-memory filesystem; real filesystems are exercised through it by the fs-ext2 tests.
 */
class PathResolverTest {
    /** A directory tree: id → node. */
    static final class Tree implements FileSystem {
        final Map<Long, Mem> nodes = new HashMap<>();
        long next = 2;

        final class Mem implements Node {
            final long id;
            final NodeType type;
            final List<DirEntry> children = new ArrayList<>();
            final String target;

            Mem(long id, NodeType type, String target) {
                this.id = id;
                this.type = type;
                this.target = target;
            }

            public long id() { return id; }
            public NodeType type() { return type; }
            public long size() { return target == null ? 0 : target.length(); }
            public long mtime() { return 0; }
            public List<DirEntry> list() { return children; }
            public int read(long position, ByteBuffer dst) { return 0; }
            public String readLink() { return target; }
        }

        Tree() {
            nodes.put(2L, new Mem(2, NodeType.DIRECTORY, null));
        }

        Mem add(String dirPath, String name, NodeType type, String target) throws JgrubException {
            Mem parent = (Mem) PathResolver.resolve(this, dirPath, PathResolver.FinalLink.FOLLOW);
            Mem m = new Mem(++next, type, target);
            nodes.put(m.id, m);
            parent.children.add(new DirEntry(name, type, m.id));
            return m;
        }

        public BlockDevice device() { return null; }
        public String typeName() { return "mem"; }
        public Optional<String> label() { return Optional.empty(); }
        public Optional<String> uuid() { return Optional.empty(); }
        public Node root() { return nodes.get(2L); }
        public Node node(long id) { return nodes.get(id); }
    }

    private Tree tree() throws JgrubException {
        Tree t = new Tree();
        t.add("/", "boot", NodeType.DIRECTORY, null);
        t.add("/boot", "grub", NodeType.DIRECTORY, null);
        t.add("/boot/grub", "grub.cfg", NodeType.FILE, null);
        t.add("/", "etc", NodeType.DIRECTORY, null);
        t.add("/", "abs", NodeType.SYMLINK, "/boot/grub");
        t.add("/boot", "rel", NodeType.SYMLINK, "grub/grub.cfg");
        t.add("/boot", "up", NodeType.SYMLINK, "../etc");
        t.add("/", "loop1", NodeType.SYMLINK, "loop2");
        t.add("/", "loop2", NodeType.SYMLINK, "/loop1");
        t.add("/", "self", NodeType.SYMLINK, "self/x");
        t.add("/", "dangling", NodeType.SYMLINK, "/nowhere");
        return t;
    }

    private long id(Tree t, String path) throws JgrubException {
        return PathResolver.resolve(t, path, PathResolver.FinalLink.FOLLOW).id();
    }

    @Test
    void dotsAndLinks() throws Exception {
        Tree t = tree();
        long cfg = id(t, "/boot/grub/grub.cfg");
        assertEquals(cfg, id(t, "boot/grub/grub.cfg"));
        assertEquals(cfg, id(t, "/./boot//grub/./grub.cfg"));
        assertEquals(cfg, id(t, "/etc/../boot/grub/../grub/grub.cfg"));
        assertEquals(cfg, id(t, "/../../boot/grub/grub.cfg"), ".. at the root stays at the root");
        assertEquals(cfg, id(t, "/abs/grub.cfg"));
        assertEquals(cfg, id(t, "/boot/rel"));
        assertEquals(id(t, "/etc"), id(t, "/boot/up"));
        assertEquals(id(t, "/"), id(t, "/boot/up/.."), ".. after a link is relative to the link's target");
        assertEquals(id(t, "/boot/grub"), id(t, "/abs/"));
    }

    @Test
    void finalLinkCanBeKept() throws Exception {
        Tree t = tree();
        assertEquals(NodeType.SYMLINK, PathResolver.resolve(t, "/abs", PathResolver.FinalLink.KEEP).type());
        assertEquals(NodeType.DIRECTORY, PathResolver.resolve(t, "/abs", PathResolver.FinalLink.FOLLOW).type());
    }

    @Test
    void errors() throws Exception {
        Tree t = tree();
        assertEquals("file `/boot/nope' not found",
                assertThrows(JgrubException.class, () -> id(t, "/boot/nope")).getMessage());
        assertEquals("`/boot/grub/grub.cfg' is not a directory",
                assertThrows(JgrubException.class, () -> id(t, "/boot/grub/grub.cfg/x")).getMessage());
        assertEquals("file `/dangling' not found", assertThrows(JgrubException.class, () -> id(t, "/dangling")).getMessage());
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertEquals("too many levels of symbolic links resolving `/loop1'",
                    assertThrows(JgrubException.class, () -> id(t, "/loop1")).getMessage());
            assertEquals("too many levels of symbolic links resolving `/self'",
                    assertThrows(JgrubException.class, () -> id(t, "/self")).getMessage());
        });
        assertThrows(JgrubException.class, () -> id(t, "/" + "a".repeat(PathResolver.MAX_PATH)));
    }
}
