package org.jgrub.cli.boot;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jgrub.cli.grub.FileInfo;
import org.jgrub.cli.grub.GrubError;
import org.jgrub.cli.grub.GrubHost;
import org.jgrub.cli.grub.GrubPath;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.disk.DevicePath;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.fs.DirEntry;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.NodeType;

/** The GRUB interpreter's view of the guest: jgrub's disks, filesystems and console. */
public final class DiskGrubHost implements GrubHost {
    private final GuestFiles files;
    private final PrintStream console;

    public DiskGrubHost(GuestFiles files, PrintStream console) {
        this.files = files;
        this.console = console;
    }

    static DevicePath device(GrubPath p) {
        try {
            return DevicePath.parse("(" + p.device() + ")");
        } catch (UsageException e) {
            throw new GrubError(GrubError.BAD_DEVICE, e.getMessage());
        }
    }

    /** A jgrub error as GRUB reports it. */
    static GrubError grubError(JgrubException e) {
        String m = e.getMessage();
        int code = m.contains("not found") ? GrubError.FILE_NOT_FOUND
                : m.startsWith("no such disk") || m.startsWith("no partition") ? GrubError.UNKNOWN_DEVICE
                : m.startsWith("unknown filesystem") ? GrubError.UNKNOWN_FS : GrubError.FILE_READ_ERROR;
        return new GrubError(code, m);
    }

    @Override
    public String readText(GrubPath path) {
        try {
            return files.text(path.path(), device(path));
        } catch (JgrubException e) {
            throw grubError(e);
        }
    }

    @Override
    public Optional<FileInfo> stat(GrubPath path) {
        try {
            Node n = files.node(path.path().isEmpty() ? "/" : path.path(), device(path));
            return Optional.of(n.type() == NodeType.DIRECTORY ? FileInfo.dir() : FileInfo.file(n.size()));
        } catch (JgrubException | GrubError e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> listDirectory(GrubPath path) {
        try {
            Node n = files.node(path.path().isEmpty() ? "/" : path.path(), device(path));
            if (n.type() != NodeType.DIRECTORY) {
                throw new GrubError(GrubError.BAD_FILE_TYPE, "not a directory");
            }
            List<String> out = new ArrayList<>();
            for (DirEntry e : n.list()) {
                out.add(e.name());
            }
            return out;
        } catch (JgrubException e) {
            throw grubError(e);
        }
    }

    @Override
    public List<String> devices() {
        List<String> out = new ArrayList<>();
        try {
            for (BlockDevice d : files.disks().allDevices()) {
                out.add(d.name());
            }
        } catch (JgrubException e) {
            console.println("error: " + e.getMessage() + ".");
        }
        return out;
    }

    private Optional<FileSystem> fs(String device) {
        try {
            return files.fileSystem(DevicePath.parse("(" + device + ")"));
        } catch (JgrubException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> fsUuid(String device) {
        return fs(device).flatMap(FileSystem::uuid);
    }

    @Override
    public Optional<String> fsLabel(String device) {
        return fs(device).flatMap(FileSystem::label);
    }

    @Override
    public void print(String text) {
        console.print(text);
        console.flush();
    }
}
