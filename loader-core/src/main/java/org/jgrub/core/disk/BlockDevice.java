package org.jgrub.core.disk;

import java.nio.ByteBuffer;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;

/**
 * A read-only, random-access run of bytes: a disk image, or a partition of one. Offsets are
 * relative to this device; a read that does not lie wholly inside {@code [0, size())} is an
 * error that names the device, the offset and the length — never a short read.
 */
public interface BlockDevice {
    /** GRUB's name without parentheses: {@code hd0}, {@code hd0,gpt2}, {@code hd0,msdos1,bsd1}. */
    String name();

    /** Size in bytes. */
    long size();

    /** The logical sector size partition tables count in (512 for disk images). */
    default int sectorSize() {
        return 512;
    }

    /** Fills {@code dst} from its position to its limit with the bytes at {@code offset}. */
    void read(long offset, ByteBuffer dst) throws JgrubException;

    default byte[] read(long offset, int length) throws JgrubException {
        byte[] b = new byte[length];
        read(offset, ByteBuffer.wrap(b));
        return b;
    }

    /** Throws unless {@code [offset, offset + length)} lies inside this device. */
    default void checkRange(long offset, long length) throws JgrubException {
        if (offset < 0 || length < 0 || offset > size() || length > size() - offset) {
            throw new CorruptStructureException(name(), offset,
                    "read of " + length + " bytes runs past the end of the device (" + size() + " bytes)");
        }
    }
}
