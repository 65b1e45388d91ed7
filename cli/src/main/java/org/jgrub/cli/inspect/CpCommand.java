package org.jgrub.cli.inspect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import org.jgrub.cli.JgrubCommand;
import org.jgrub.core.compress.Decompression;
import org.jgrub.core.disk.Disks;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.NodeInputStream;
import org.jgrub.core.host.HostErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code jgrub -d disk.img cp (hd0,gpt2)/boot/vmlinuz ./vmlinuz}: as grub-fstest's cp. */
@Command(name = "cp", mixinStandardHelpOptions = true,
        description = {"Copy a file from a guest disk to a host file, byte for byte (with -u decompressed, as "
                + "grub-fstest -u)."})
public final class CpCommand implements Callable<Integer> {
    /** Bytes per read: large enough that the filesystem can merge contiguous blocks into one device read. */
    private static final int CHUNK = 4 << 20;

    @ParentCommand
    JgrubCommand parent;

    @Option(names = {"-u", "--uncompress"}, description = "Decompress gzip/xz/bzip2/lzma/zstd data.")
    boolean uncompress;

    @Parameters(index = "0", paramLabel = "PATH", description = "(DEVICE)/path/to/file")
    String path;

    @Parameters(index = "1", paramLabel = "HOSTFILE", description = "Where to write it (replaced if it exists).")
    Path target;

    @Override
    public Integer call() throws Exception {
        try (Disks disks = parent.disks().open()) {
            Node node = CatCommand.FileOpener.open(disks, parent, path);
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                if (uncompress) {
                    Decompression.open(new NodeInputStream(node), path).transferTo(java.nio.channels.Channels.newOutputStream(out));
                    return 0;
                }
                ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
                long pos = 0;
                while (true) {
                    buf.clear();
                    int n = node.read(pos, buf);
                    if (n <= 0) {
                        break;
                    }
                    buf.flip();
                    while (buf.hasRemaining()) {
                        out.write(buf);
                    }
                    pos += n;
                }
            } catch (IOException e) {
                if (e instanceof org.jgrub.core.error.JgrubException je) {
                    throw je;
                }
                throw new UsageException("cannot write " + target + ": " + HostErrors.reason(e), e);
            }
            return 0;
        }
    }
}
