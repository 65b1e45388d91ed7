package org.jgrub.core.host;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.memory.GuestRegion;
import org.jgrub.core.memory.MemoryLayout;
import org.jgrub.core.memory.NativeGuestMemory;

/**
 * A file that holds all of a VM's RAM, laid out as QEMU's {@code memory-backend-file} expects:
 * low RAM from offset 0, high RAM straight after it ({@link MemoryLayout#fileOffset}). The file is
 * sparse, so only pages jgrub writes take space; it is mapped {@code MAP_SHARED}, so what jgrub
 * writes is what the guest sees.
 */
public final class RamFile {
    private RamFile() {}

    /** Creates (or empties) {@code file}, sizes it for {@code layout} and maps it writable. */
    public static NativeGuestMemory create(Path file, MemoryLayout layout) throws UsageException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(0); // drop whatever an earlier run left there
            raf.setLength(layout.memorySize());
        } catch (IOException e) {
            throw new UsageException("cannot create guest RAM file " + file + ": " + HostErrors.reason(e), e);
        }
        return map(file, layout, NativeGuestMemory.Access.READ_WRITE);
    }

    /** Maps an existing RAM file; its size must match {@code layout}. */
    public static NativeGuestMemory open(Path file, MemoryLayout layout, NativeGuestMemory.Access access)
            throws UsageException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UsageException("cannot read guest RAM file " + file + ": " + HostErrors.reason(e), e);
        }
        if (size != layout.memorySize()) {
            throw new UsageException("guest RAM file " + file + " holds " + size + " bytes, the state says "
                    + layout.memorySize());
        }
        return map(file, layout, access);
    }

    private static NativeGuestMemory map(Path file, MemoryLayout layout, NativeGuestMemory.Access access)
            throws UsageException {
        boolean rw = access == NativeGuestMemory.Access.READ_WRITE;
        long length = layout.memorySize();
        Pointer base;
        try {
            int fd = Posix.LIBC.open(file.toString(), rw ? Posix.O_RDWR : Posix.O_RDONLY);
            try {
                base = Posix.LIBC.mmap(null, length, rw ? Posix.PROT_READ | Posix.PROT_WRITE : Posix.PROT_READ,
                        Posix.MAP_SHARED, fd, 0);
            } finally {
                Posix.LIBC.close(fd); // the mapping outlives the descriptor
            }
        } catch (LastErrorException e) {
            throw new UsageException("cannot map guest RAM file " + file + ": errno " + e.getErrorCode(), e);
        }
        List<Pointer> bases = new ArrayList<>();
        for (GuestRegion r : layout.regions()) {
            bases.add(base.share(layout.fileOffset(r.start())));
        }
        Pointer mapped = base;
        return new NativeGuestMemory(layout, bases, access, () -> Posix.LIBC.munmap(mapped, length));
    }
}
