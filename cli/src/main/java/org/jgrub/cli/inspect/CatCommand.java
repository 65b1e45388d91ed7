package org.jgrub.cli.inspect;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import org.jgrub.cli.JgrubCommand;
import org.jgrub.core.compress.Decompression;
import org.jgrub.core.disk.DevicePath;
import org.jgrub.core.disk.Disks;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.NodeInputStream;
import org.jgrub.core.fs.NodeType;
import org.jgrub.core.fs.PathResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code jgrub -d disk.img cat (hd0,gpt2)/boot/grub/grub.cfg}. */
@Command(name = "cat", mixinStandardHelpOptions = true,
        description = {"Write a file from a guest disk to standard output. Like GRUB's cat, a gzip, xz, bzip2, lzma "
                + "or zstd file is decompressed unless --raw is given."})
public final class CatCommand implements Callable<Integer> {
    @ParentCommand
    JgrubCommand parent;

    @Option(names = "--raw", description = "Do not decompress.")
    boolean raw;

    @Parameters(index = "0", paramLabel = "PATH", description = "(DEVICE)/path/to/file")
    String path;

    @Override
    public Integer call() throws Exception {
        try (Disks disks = parent.disks().open()) {
            Node node = FileOpener.open(disks, parent, path);
            InputStream in = new NodeInputStream(node);
            if (!raw) {
                in = Decompression.open(in, path);
            }
            OutputStream out = System.out;
            in.transferTo(out);
            out.flush();
            return 0;
        }
    }

    /** Resolving a file argument, shared by cat and cp. */
    static final class FileOpener {
        private FileOpener() {}

        static Node open(Disks disks, JgrubCommand parent, String path) throws Exception {
            DevicePath dp = DevicePath.parse(path).onRoot(parent.root());
            FileSystem fs = disks.requireFileSystem(dp);
            Node node = PathResolver.resolve(fs, dp.path(), PathResolver.FinalLink.FOLLOW);
            if (node.type() != NodeType.FILE) {
                throw new org.jgrub.core.error.JgrubException("`" + path + "' is not a regular file");
            }
            return node;
        }
    }
}
