package org.jgrub.core.host;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few libc calls jgrub needs that the JDK does not offer: mapping a file larger than 2 GiB
 * as one native range. The constants have the same values on Linux and FreeBSD
 * ({@code <sys/mman.h>}, {@code <fcntl.h>}); flags that differ between the two (O_CREAT,
 * O_CLOEXEC) are deliberately not used — files are created and sized by Java first.
 */
public interface Posix extends Library {
    int O_RDONLY = 0;
    int O_RDWR = 2;
    int PROT_READ = 1;
    int PROT_WRITE = 2;
    int MAP_SHARED = 1;
    int MAP_PRIVATE = 2;
    int SEEK_END = 2;

    Posix LIBC = Native.load("c", Posix.class);

    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    Pointer mmap(Pointer address, long length, int prot, int flags, int fd, long offset) throws LastErrorException;

    int munmap(Pointer address, long length) throws LastErrorException;

    long lseek(int fd, long offset, int whence) throws LastErrorException;

    /** The size of a block device (zvol, disk), which {@code fstat} reports as 0: its end offset. */
    static long deviceSize(java.nio.file.Path device) throws LastErrorException {
        int fd = LIBC.open(device.toString(), O_RDONLY);
        try {
            return LIBC.lseek(fd, 0, SEEK_END);
        } finally {
            LIBC.close(fd);
        }
    }
}
