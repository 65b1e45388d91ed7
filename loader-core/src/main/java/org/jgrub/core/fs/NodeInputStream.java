package org.jgrub.core.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** A file's bytes as a stream, read in chunks through {@link Node#read}. */
public final class NodeInputStream extends InputStream {
    private final Node node;
    private long position;

    public NodeInputStream(Node node) {
        this.node = node;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = node.read(position, ByteBuffer.wrap(b, off, len));
        if (n <= 0) {
            return -1;
        }
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long s = Math.max(0, Math.min(n, node.size() - position));
        position += s;
        return s;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, node.size() - position));
    }
}
