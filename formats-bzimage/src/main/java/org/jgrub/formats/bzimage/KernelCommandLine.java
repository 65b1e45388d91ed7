package org.jgrub.formats.bzimage;

import java.util.regex.Pattern;
import org.jgrub.core.error.JgrubException;

/**
 * The command line jgrub passes: GRUB's {@code BOOT_IMAGE=PATH} followed by the arguments of the
 * {@code linux} command, with {@code console=ttyS0 } put in front — the guest's only console is
 * COM1 — unless disabled ({@code -n}) or the arguments already choose a console.
 *
 * <p>grub-bhyve inserts its prefix unless an argument <em>starts with</em> {@code console=ttyS0},
 * so {@code console=tty0} there still gets {@code console=ttyS0} in front of it; jgrub respects any
 * {@code console=} the guest's configuration sets.
 */
public final class KernelCommandLine {
    public static final String CONSOLE_PREFIX = "console=ttyS0 ";
    private static final Pattern HAS_CONSOLE = Pattern.compile("(^|\\s)console=");

    /** Whether jgrub adds {@link #CONSOLE_PREFIX}. */
    public enum Console { ADD_TTYS0, AS_GIVEN }

    private KernelCommandLine() {}

    public static String build(String bootImage, String arguments, Console console) {
        String args = arguments.strip();
        StringBuilder b = new StringBuilder();
        if (console == Console.ADD_TTYS0 && !HAS_CONSOLE.matcher(args).find()) {
            b.append(CONSOLE_PREFIX);
        }
        b.append("BOOT_IMAGE=").append(bootImage);
        if (!args.isEmpty()) {
            b.append(' ').append(args);
        }
        return b.toString();
    }

    /** The bytes to write (with the NUL), or an error when the kernel's {@code cmdline_size} is exceeded. */
    public static byte[] encode(String line, SetupHeader header, String kernelName) throws JgrubException {
        byte[] text = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long max = Math.min(header.cmdlineSize(), LinuxLayout.CMDLINE_MAX - 1);
        if (text.length > max) {
            throw new JgrubException(kernelName + ": command line of " + text.length + " bytes is longer than the "
                    + max + " the kernel accepts (cmdline_size)");
        }
        byte[] out = java.util.Arrays.copyOf(text, text.length + 1);
        return out;
    }
}
