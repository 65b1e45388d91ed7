package org.jgrub.core.disk;

import java.nio.ByteBuffer;
import org.jgrub.core.error.JgrubException;

/** An in-memory {@link BlockDevice} for unit tests of bounds. */
public record ByteDevice(String name, byte[] bytes) implements BlockDevice {
    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public void read(long offset, ByteBuffer dst) throws JgrubException {
        checkRange(offset, dst.remaining());
        dst.put(bytes, (int) offset, dst.remaining());
    }
}
