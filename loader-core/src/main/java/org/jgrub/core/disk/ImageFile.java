package org.jgrub.core.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.host.HostErrors;
import org.jgrub.core.host.Posix;

/**
 * A disk image on the host, opened read-only ({@link StandardOpenOption#READ} only): jgrub can
 * never modify a guest's disk.
 */
public final class ImageFile implements BlockDevice, AutoCloseable {
    private final String name;
    private final Path path;
    private final FileChannel channel;
    private final long size;

    private ImageFile(String name, Path path, FileChannel channel, long size) {
        this.name = name;
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    public static ImageFile open(String name, Path path) throws UsageException {
        if (Files.isDirectory(path)) {
            throw new UsageException("disk image " + path + " is a directory");
        }
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
            long size = ch.size();
            if (size == 0 && !Files.isRegularFile(path)) {
                // A block device (a zvol, a disk) reports size 0 through fstat; its end is its size.
                size = Posix.deviceSize(path);
            }
            return new ImageFile(name, path, ch, size);
        } catch (com.sun.jna.LastErrorException e) {
            throw new UsageException("cannot find the size of disk " + path + ": errno " + e.getErrorCode(), e);
        } catch (IOException e) {
            throw new UsageException("cannot open disk image " + path + ": " + HostErrors.reason(e), e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long offset, ByteBuffer dst) throws JgrubException {
        checkRange(offset, dst.remaining());
        long at = offset;
        try {
            while (dst.hasRemaining()) {
                int n = channel.read(dst, at);
                if (n < 0) {
                    throw new JgrubException(name + ": image " + path + " ended at byte " + at + " while reading");
                }
                at += n;
            }
        } catch (IOException e) {
            throw new JgrubException("cannot read " + path + " at byte " + at + ": " + HostErrors.reason(e), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only: nothing can be lost
        }
    }

    @Override
    public String toString() {
        return name + " (" + path + ")";
    }
}
