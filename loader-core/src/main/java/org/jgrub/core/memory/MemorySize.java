package org.jgrub.core.memory;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrub.core.error.UsageException;

/**
 * Parses a guest memory size the way bhyve's tools do ({@code vm_parse_memsize} in FreeBSD
 * {@code lib/libvmmapi/vmmapi.c}): a bare number below one mebibyte counts in MiB (for
 * backward compatibility, so {@code -M 512} is 512 MiB), a bare number from 1 MiB up counts
 * in bytes, and otherwise {@code expand_number(3)} suffixes {@code k m g t} apply (powers of
 * 1024, case-insensitive; a trailing {@code B} or {@code iB} is accepted too).
 *
 * <p>On top of that jgrub insists on whole mebibytes (QEMU's {@code -m} and bhyve's memory
 * segments are page/MiB multiples, and a size like {@code 1000001} is almost surely a typo) and
 * on the range {@link #MINIMUM}..{@link #MAXIMUM}.
 */
public final class MemorySize {
    /** Enough for the first mebibyte (real-mode area, ROM windows) plus room to load anything. */
    public static final long MINIMUM = 2 * MemoryLayout.MIB;
    /** jgrub's ceiling: 1 TiB. Beyond it a value is taken for a typo, not a VM. */
    public static final long MAXIMUM = 1024 * MemoryLayout.GIB;

    private static final Pattern SUFFIXED = Pattern.compile("(\\d+)([kmgt])(i?b)?");

    private MemorySize() {}

    /** The size in bytes, or a one-line {@link UsageException} naming the value. */
    public static long parse(String text) throws UsageException {
        String s = text.trim().toLowerCase(Locale.ROOT);
        long bytes;
        try {
            if (s.matches("0x[0-9a-f]+|\\d+")) {
                long n = s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
                bytes = n < MemoryLayout.MIB ? Math.multiplyExact(n, MemoryLayout.MIB) : n;
            } else {
                Matcher m = SUFFIXED.matcher(s);
                if (!m.matches()) {
                    throw new UsageException("invalid guest memory size '" + text + "' (use e.g. 512M, 2G or 2048)");
                }
                int shift = switch (m.group(2)) {
                    case "k" -> 10;
                    case "m" -> 20;
                    case "g" -> 30;
                    default -> 40;
                };
                long n = Long.parseLong(m.group(1));
                if (n > (Long.MAX_VALUE >> shift)) {
                    throw new ArithmeticException();
                }
                bytes = n << shift;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException("guest memory size '" + text + "' is too large (at most 1T)");
        }
        if (bytes < MINIMUM) {
            throw new UsageException("guest memory size '" + text + "' is too small (at least 2M)");
        }
        if (bytes > MAXIMUM) {
            throw new UsageException("guest memory size '" + text + "' is too large (at most 1T)");
        }
        if (bytes % MemoryLayout.MIB != 0) {
            throw new UsageException("guest memory size '" + text + "' is not a whole number of MiB");
        }
        return bytes;
    }

    /** {@code 128M}, {@code 3G}: the shortest exact spelling of a MiB multiple. */
    public static String format(long bytes) {
        if (bytes % MemoryLayout.GIB == 0) {
            return bytes / MemoryLayout.GIB + "G";
        }
        if (bytes % MemoryLayout.MIB == 0) {
            return bytes / MemoryLayout.MIB + "M";
        }
        return Long.toString(bytes);
    }
}
