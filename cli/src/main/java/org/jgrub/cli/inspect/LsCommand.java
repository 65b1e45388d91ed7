package org.jgrub.cli.inspect;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.jgrub.cli.JgrubCommand;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.disk.DevicePath;
import org.jgrub.core.disk.Disks;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.NodeType;
import org.jgrub.core.fs.PathResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code jgrub -d disk.img ls [-l] (hd0,gpt2)/boot}: GRUB's {@code ls}, in grub-fstest's format. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = {"List a directory on a guest disk, as GRUB's ls does: names (directories end in /), or with "
                + "-l one line each: DIR or the size, the modification time (UTC, YYYYMMDDhhmmss) and the name "
                + "(a symlink shows its target file's size; links to directories are left out, as in GRUB). "
                + "A bare device, e.g. (hd0,gpt2), describes its filesystem; no argument lists the devices."})
public final class LsCommand implements Callable<Integer> {
    @ParentCommand
    JgrubCommand parent;

    @Option(names = "-l", description = "Long format: size and time.")
    boolean longFormat;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "(DEVICE)/path, e.g. (hd0,gpt2)/boot")
    String path;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        try (Disks disks = parent.disks().open()) {
            if (path == null) {
                StringBuilder b = new StringBuilder();
                for (BlockDevice d : disks.allDevices()) {
                    b.append('(').append(d.name()).append(") ");
                }
                out.println(b.toString().strip());
                return 0;
            }
            DevicePath dp = DevicePath.parse(path).onRoot(parent.root());
            FileSystem fs = disks.requireFileSystem(dp);
            if (dp.path().isEmpty()) {
                out.println(Listing.device(fs));
                return 0;
            }
            Node node = PathResolver.resolve(fs, dp.path(), PathResolver.FinalLink.FOLLOW);
            if (node.type() != NodeType.DIRECTORY) {
                out.println(longFormat ? Listing.line(node, lastName(dp.path())) : lastName(dp.path()));
                return 0;
            }
            if (longFormat) {
                out.print(Listing.longLines(fs, dp.path(), node.list()));
            } else {
                out.println(Listing.names(node.list()));
            }
            return 0;
        }
    }

    private static String lastName(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
