package org.jgrub.core.fs.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.fs.DirEntry;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.NodeType;
import org.jgrub.core.host.HostErrors;

/**
 * grub-bhyve's {@code (host)} device: the host's own files, read-only, for configurations kept on
 * the host (vm-bhyve's {@code -r host -d $VM_DS_PATH/NAME} with a generated grub.cfg). Paths
 * resolve below {@code base} ({@code /} in practice) through the shared path resolver, so a
 * symlink cannot climb above it. Only available when the user chooses {@code -r host}: a guest's
 * configuration must not be able to load host files into the guest.
 */
public final class HostFileSystem implements FileSystem {
    /** The device name GRUB uses. */
    public static final String DEVICE = "host";

    private final Path base;
    private final Map<Long, Path> byId = new HashMap<>();
    private final Map<Path, Long> ids = new HashMap<>();
    private final BlockDevice device;

    public HostFileSystem(Path base) {
        this.base = base.toAbsolutePath().normalize();
        this.device = new BlockDevice() {
            @Override
            public String name() {
                return DEVICE;
            }

            @Override
            public long size() {
                return 0;
            }

            @Override
            public void read(long offset, ByteBuffer dst) throws JgrubException {
                checkRange(offset, dst.remaining());
            }
        };
        id(this.base);
    }

    private synchronized long id(Path p) {
        // Ids are handed out per path as nodes are met; the resolver asks for them by id.

        return ids.computeIfAbsent(p, k -> {
            long id = ids.size() + 1L;
            byId.put(id, k);
            return id;
        });
    }

    @Override
    public BlockDevice device() {
        return device;
    }

    @Override
    public String typeName() {
        return "hostfs";
    }

    @Override
    public Optional<String> label() {
        return Optional.empty();
    }

    @Override
    public Optional<String> uuid() {
        return Optional.empty();
    }

    @Override
    public Node root() {
        return new HostNode(1, base);
    }

    @Override
    public synchronized Node node(long id) throws JgrubException {
        Path p = byId.get(id);
        if (p == null) {
            throw new JgrubException("(host): no node " + id);
        }
        return new HostNode(id, p);
    }

    /** One host file, directory or link, looked at without following links. */
    private final class HostNode implements Node {
        private final long id;
        private final Path path;
        private final BasicFileAttributes attrs;

        HostNode(long id, Path path) {
            this.id = id;
            this.path = path;
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                a = null;
            }
            this.attrs = a;
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public NodeType type() {
            if (attrs == null) {
                return NodeType.OTHER;
            }
            return attrs.isDirectory() ? NodeType.DIRECTORY : attrs.isSymbolicLink() ? NodeType.SYMLINK
                    : attrs.isRegularFile() ? NodeType.FILE : NodeType.OTHER;
        }

        @Override
        public long size() {
            return attrs == null ? 0 : attrs.size();
        }

        @Override
        public long mtime() {
            return attrs == null ? 0 : attrs.lastModifiedTime().toMillis() / 1000;
        }

        @Override
        public List<DirEntry> list() throws JgrubException {
            List<DirEntry> out = new ArrayList<>();
            try (Stream<Path> s = Files.list(path)) {
                for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                    HostNode n = new HostNode(HostFileSystem.this.id(p), p);
                    out.add(new DirEntry(p.getFileName().toString(), n.type(), n.id));
                }
            } catch (IOException e) {
                throw new JgrubException("(host)" + path + ": " + HostErrors.reason(e), e);
            }
            return out;
        }

        @Override
        public int read(long position, ByteBuffer dst) throws JgrubException {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                int total = 0;
                while (dst.hasRemaining()) {
                    int n = ch.read(dst, position + total);
                    if (n <= 0) {
                        break;
                    }
                    total += n;
                }
                return total;
            } catch (IOException e) {
                throw new JgrubException("(host)" + path + ": " + HostErrors.reason(e), e);
            }
        }

        @Override
        public String readLink() throws JgrubException {
            try {
                return Files.readSymbolicLink(path).toString();
            } catch (IOException e) {
                throw new JgrubException("(host)" + path + ": " + HostErrors.reason(e), e);
            }
        }
    }
}
