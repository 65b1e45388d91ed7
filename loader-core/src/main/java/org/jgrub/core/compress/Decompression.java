package org.jgrub.core.compress;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.jgrub.core.error.JgrubException;

/**
 * Transparent decompression, as GRUB's file filters do for configuration files, FreeBSD kernels
 * and modules, and {@code cat}: a stream that starts with a gzip, xz, bzip2, lzma or zstd header
 * is decompressed (Commons Compress, which detects the format from the magic bytes); anything
 * else passes through. Never used for a Linux kernel or initrd, which the kernel unpacks itself.
 */
public final class Decompression {
    /** Most memory a decoder may use (xz/lzma dictionaries), in KiB: hostile headers cannot ask for more. */
    public static final int MEMORY_LIMIT_KIB = 256 * 1024;
    private static final java.util.Set<String> FORMATS = java.util.Set.of(
            CompressorStreamFactory.GZIP, CompressorStreamFactory.XZ, CompressorStreamFactory.BZIP2,
            CompressorStreamFactory.LZMA, CompressorStreamFactory.ZSTANDARD);

    private Decompression() {}

    /** {@code in}, decompressed when it is compressed. {@code what} names it in errors. */
    public static InputStream open(InputStream in, String what) throws JgrubException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 64 * 1024);
        String format;
        try {
            format = CompressorStreamFactory.detect(buffered);
        } catch (CompressorException notCompressed) {
            return buffered;
        }
        if (!FORMATS.contains(format)) {
            return buffered;
        }
        try {
            CompressorStreamFactory f = new CompressorStreamFactory(true, MEMORY_LIMIT_KIB);
            return f.createCompressorInputStream(format, buffered);
        } catch (CompressorException e) {
            throw new JgrubException(what + ": bad " + format + " data: " + rootMessage(e), e);
        }
    }

    /** The format name when {@code in} starts compressed, else null; {@code in} must support mark. */
    public static String detect(InputStream in) {
        try {
            String f = CompressorStreamFactory.detect(in);
            return FORMATS.contains(f) ? f : null;
        } catch (CompressorException e) {
            return null;
        }
    }

    /** Reads all of a decompressed stream up to {@code limit} bytes; more is an error (a "bomb"). */
    public static byte[] readAll(InputStream in, int limit, String what) throws JgrubException {
        try {
            byte[] out = in.readNBytes(limit);
            if (out.length == limit && in.read() >= 0) {
                throw new JgrubException(what + " is larger than " + limit + " bytes");
            }
            return out;
        } catch (IOException e) {
            throw e instanceof JgrubException je ? je : new JgrubException(what + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
