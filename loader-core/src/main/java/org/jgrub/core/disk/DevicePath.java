package org.jgrub.core.disk;

import java.util.List;
import org.jgrub.core.error.UsageException;

/**
 * A GRUB device-and-path: {@code (hd0,gpt2)/boot/vmlinuz}, {@code (hd0,2)/boot},
 * {@code (hd0,msdos1,bsd1)/boot/kernel/kernel}, {@code (hd0)}, or a plain {@code /path} on the
 * current root.
 *
 * @param drive      {@code hd0}, or null when the text names no device
 * @param partitions one element per nesting level: {@code gpt2}, {@code msdos1}, {@code bsd1}, or
 *                   a bare number ({@code 2}) that matches any scheme at that level
 * @param path       what follows the device ("" for a bare device)
 */
public record DevicePath(String drive, List<String> partitions, String path) {
    public DevicePath {
        partitions = List.copyOf(partitions);
    }

    public static DevicePath parse(String text) throws UsageException {
        if (!text.startsWith("(")) {
            return new DevicePath(null, List.of(), text);
        }
        int close = text.indexOf(')');
        if (close < 0) {
            throw new UsageException("missing `)' in device `" + text + "'");
        }
        String[] parts = text.substring(1, close).split(",", -1);
        if (parts[0].isEmpty()) {
            throw new UsageException("no drive named in `" + text + "'");
        }
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].matches("([a-z]+)?[1-9][0-9]{0,3}")) {
                throw new UsageException("bad partition `" + parts[i] + "' in `" + text
                        + "' (use e.g. gpt2, msdos1 or 2)");
            }
        }
        return new DevicePath(parts[0], List.of(parts).subList(1, parts.length), text.substring(close + 1));
    }

    /** The device in GRUB's spelling without the path: {@code (hd0,gpt2)}. */
    public String device() {
        return drive == null ? "" : "(" + String.join(",", prepend(drive, partitions)) + ")";
    }

    private static List<String> prepend(String first, List<String> rest) {
        java.util.ArrayList<String> l = new java.util.ArrayList<>();
        l.add(first);
        l.addAll(rest);
        return l;
    }

    /** This path with {@code drive}/{@code partitions} taken from {@code root} when it names none. */
    public DevicePath onRoot(DevicePath root) {
        return drive != null || root == null ? this : new DevicePath(root.drive, root.partitions, path);
    }

    @Override
    public String toString() {
        return device() + path;
    }
}
