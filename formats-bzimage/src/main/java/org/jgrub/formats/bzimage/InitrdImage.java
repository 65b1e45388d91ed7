package org.jgrub.formats.bzimage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.GuestMemory;

/**
 * The initrd as the kernel sees it: every item of the {@code initrd} command one after the other,
 * each starting 4-byte aligned; {@code newc:} items wrapped in cpio entries (with entries for
 * their parent directories), closed by a {@code TRAILER!!!} entry, as GRUB's
 * {@code grub_initrd_init} does. Sizes are known before anything is written, so the whole image
 * is placed first and then streamed into guest memory.
 */
public final class InitrdImage {
    private static final int ALIGN = 4;
    /** newc header: "070701" and 13 eight-digit hex fields (buffer-format.rst). */
    private static final int NEWC_HEADER = 110;

    private final List<InitrdItem> items;
    private final long size;

    private InitrdImage(List<InitrdItem> items, long size) {
        this.items = items;
        this.size = size;
    }

    public static InitrdImage of(List<InitrdItem> items) throws JgrubException {
        long size = 0;
        Set<String> dirs = new LinkedHashSet<>();
        boolean newc = false;
        for (InitrdItem item : items) {
            size = align(size);
            if (item.newcName() != null) {
                newc = true;
                for (String d : parents(item.newcName())) {
                    if (dirs.add(d)) {
                        size += entrySize(d, 0);
                    }
                }
                size = Math.addExact(size, entrySize(item.newcName(), item.source().size()));
            } else {
                size = Math.addExact(size, item.source().size());
            }
        }
        if (newc) {
            size = align(size) + entrySize(CpioConstants.CPIO_TRAILER, 0);
        }
        return new InitrdImage(List.copyOf(items), size);
    }

    public long size() {
        return size;
    }

    /** Writes the image at {@code at}; the memory range was checked by the caller's placement. */
    public void write(GuestMemory memory, GuestAddress at) throws JgrubException {
        memory.regionOf(at, size);
        long pos = 0;
        Set<String> dirs = new LinkedHashSet<>();
        List<InitrdItem> pending = new ArrayList<>(items);
        boolean newc = false;
        for (InitrdItem item : pending) {
            pos = align(pos);
            if (item.newcName() == null) {
                item.source().copyTo(memory, at.plus(pos), 0, item.source().size());
                pos += item.source().size();
                continue;
            }
            newc = true;
            for (String d : parents(item.newcName())) {
                if (dirs.add(d)) {
                    pos = writeEntry(memory, at, pos, d, null);
                }
            }
            pos = writeEntry(memory, at, pos, item.newcName(), item);
        }
        if (newc) {
            pos = writeEntry(memory, at, align(pos), CpioConstants.CPIO_TRAILER, null);
        }
        if (pos != size) {
            throw new IllegalStateException("initrd layout wrote " + pos + " of " + size + " bytes");
        }
    }

    /** One cpio entry through Commons Compress's newc writer, straight into guest memory. */
    private static long writeEntry(GuestMemory memory, GuestAddress base, long pos, String name, InitrdItem file)
            throws JgrubException {
        GuestStream out = new GuestStream(memory, base.plus(pos));
        try {
            // Block size 4: entries are 4-byte aligned and nothing pads beyond that.
            CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(out, CpioConstants.FORMAT_NEW, ALIGN);
            if (!name.equals(CpioConstants.CPIO_TRAILER)) {
                CpioArchiveEntry e = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name);
                // GRUB makes every synthesized entry mode 0777 (grub-core/loader/linux.c), so an /init runs.
                e.setMode(file == null ? CpioConstants.C_ISDIR | 0777 : CpioConstants.C_ISREG | 0777);
                e.setNumberOfLinks(file == null ? 2 : 1);
                e.setSize(file == null ? 0 : file.source().size());
                cpio.putArchiveEntry(e);
                if (file != null) {
                    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
                    long done = 0;
                    while (done < file.source().size()) {
                        buf.clear();
                        int n = file.source().read(done, buf);
                        if (n <= 0) {
                            throw new JgrubException(file.source().name() + ": ends at byte " + done);
                        }
                        cpio.write(buf.array(), 0, n);
                        done += n;
                    }
                }
                cpio.closeArchiveEntry();
                // Only this entry: no trailer; the image gets one trailer at its end.
            } else {
                cpio.finish(); // writes just the trailer entry
            }
            long expected = entrySize(name, file == null ? 0 : file.source().size());
            if (out.written() != expected) {
                throw new IllegalStateException("cpio entry " + name + " took " + out.written() + " bytes, not " + expected);
            }
            return pos + expected;
        } catch (IOException e) {
            throw e instanceof JgrubException j ? j : new JgrubException("initrd: " + e.getMessage(), e);
        }
    }

    private static List<String> parents(String name) {
        List<String> out = new ArrayList<>();
        String[] parts = name.split("/");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            b.append(b.length() == 0 ? "" : "/").append(parts[i]);
            out.add(b.toString());
        }
        return out;
    }

    /** Header + name + NUL padded to 4, data padded to 4. */
    static long entrySize(String name, long dataSize) {
        long header = align(NEWC_HEADER + name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1L);
        return header + align(dataSize);
    }

    private static long align(long v) {
        return (v + ALIGN - 1) & -ALIGN;
    }

    /** Sequential writes into guest memory, each bounds-checked. */
    private static final class GuestStream extends OutputStream {
        private final GuestMemory memory;
        private final GuestAddress base;
        private long written;

        GuestStream(GuestMemory memory, GuestAddress base) {
            this.memory = memory;
            this.base = base;
        }

        long written() {
            return written;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            memory.write(base.plus(written), b, off, len);
            written += len;
        }
    }
}
