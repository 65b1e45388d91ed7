package org.jgrub.cli.boot;

import java.io.InputStream;
import java.util.Optional;
import org.jgrub.core.compress.Decompression;
import org.jgrub.core.disk.DevicePath;
import org.jgrub.core.disk.Disks;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.NodeInputStream;
import org.jgrub.core.fs.NodeType;
import org.jgrub.core.fs.PathResolver;
import org.jgrub.core.io.ByteSource;

/** Files on the guest's disks by GRUB path, relative to a root device when the path names none. */
public final class GuestFiles {
    /** Largest configuration file read (after decompression): a bigger one is not a config. */
    public static final int MAX_CONFIG = 16 << 20;

    private final Disks disks;

    public GuestFiles(Disks disks) {
        this.disks = disks;
    }

    public Disks disks() {
        return disks;
    }

    /** The node at {@code path} (symlinks followed). */
    public Node node(String path, DevicePath root) throws JgrubException {
        DevicePath p = DevicePath.parse(path).onRoot(root);
        if (p.drive() == null) {
            throw new JgrubException("no root device set for `" + path + "' (set root=... or use -r)");
        }
        FileSystem fs = disks.requireFileSystem(p);
        return PathResolver.resolve(fs, p.path().isEmpty() ? "/" : p.path(), PathResolver.FinalLink.FOLLOW);
    }

    /** Whether {@code path} names an existing node of the given type (null: any). */
    public boolean exists(String path, DevicePath root, NodeType type) {
        try {
            Node n = node(path, root);
            return type == null || n.type() == type;
        } catch (JgrubException e) {
            return false;
        }
    }

    /** A regular file's bytes, streamed (kernels, initrds: never decompressed). */
    public ByteSource file(String path, DevicePath root) throws JgrubException {
        Node n = node(path, root);
        if (n.type() != NodeType.FILE) {
            throw new JgrubException("`" + path + "' is not a regular file");
        }
        DevicePath p = DevicePath.parse(path).onRoot(root);
        return ByteSource.of(p.toString(), n);
    }

    /** A configuration file as text, decompressed when compressed, at most {@link #MAX_CONFIG} bytes. */
    public String text(String path, DevicePath root) throws JgrubException {
        Node n = node(path, root);
        if (n.type() != NodeType.FILE) {
            throw new JgrubException("`" + path + "' is not a regular file");
        }
        try (InputStream in = Decompression.open(new NodeInputStream(n), path)) {
            return new String(Decompression.readAll(in, MAX_CONFIG, path), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw e instanceof JgrubException j ? j : new JgrubException(path + ": " + e.getMessage(), e);
        }
    }

    /** The filesystem of a device, if any. */
    public Optional<FileSystem> fileSystem(DevicePath device) throws JgrubException {
        return disks.fileSystem(disks.device(device));
    }
}
