package org.jgrub.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.fs.Node;
import org.jgrub.core.host.HostErrors;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.GuestMemory;

/**
 * Bytes a loader copies into guest memory: a file on a guest filesystem or on the host. Reads go
 * straight into the destination buffer, which is usually a window over guest RAM.
 */
public interface ByteSource {
    /** Name for messages: {@code (hd0,gpt2)/vmlinuz}. */
    String name();

    long size();

    /** As {@link Node#read}: fills {@code dst} from {@code position} until full or at the end; returns the count. */
    int read(long position, ByteBuffer dst) throws JgrubException;

    static ByteSource of(String name, Node node) {
        return new ByteSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return node.size();
            }

            @Override
            public int read(long position, ByteBuffer dst) throws JgrubException {
                return node.read(position, dst);
            }
        };
    }

    /** A host file (kept open only while reading). */
    static ByteSource of(Path file) throws UsageException {
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + HostErrors.reason(e), e);
        }
        return new ByteSource() {
            @Override
            public String name() {
                return file.toString();
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public int read(long position, ByteBuffer dst) throws JgrubException {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    int total = 0;
                    while (dst.hasRemaining() && position + total < size) {
                        int n = ch.read(dst, position + total);
                        if (n < 0) {
                            break;
                        }
                        total += n;
                    }
                    return total;
                } catch (IOException e) {
                    throw new JgrubException("cannot read " + file + ": " + HostErrors.reason(e), e);
                }
            }
        };
    }

    /** Bytes {@code [position, position + length)} as an array; for headers, never for whole files. */
    default byte[] readFully(long position, int length) throws JgrubException {
        ByteBuffer b = ByteBuffer.allocate(length);
        int n = read(position, b);
        if (n != length) {
            throw new JgrubException(name() + ": ends at byte " + (position + n) + ", " + length
                    + " bytes were needed from byte " + position);
        }
        return b.array();
    }

    /**
     * Streams {@code length} bytes from {@code position} into guest memory at {@code target}, a
     * window of at most 64 MiB at a time; the source must hold them all.
     */
    default void copyTo(GuestMemory memory, GuestAddress target, long position, long length) throws JgrubException {
        memory.regionOf(target, length);
        final int chunk = 64 << 20;
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(chunk, length - done);
            ByteBuffer w = memory.window(target.plus(done), n);
            int got = read(position + done, w);
            if (got != n) {
                throw new JgrubException(name() + ": ends at byte " + (position + done + got) + " of the "
                        + (position + length) + " needed");
            }
            done += n;
        }
    }
}
