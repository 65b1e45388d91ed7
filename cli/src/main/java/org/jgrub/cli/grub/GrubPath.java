package org.jgrub.cli.grub;

/**
 * A GRUB file name split as GRUB does: {@code (DEVICE)/path}, or {@code /path} on {@code $root}.
 * {@code device} has no parentheses; {@code path} is empty or starts with '/'; an empty path
 * names the device itself.
 */
public record GrubPath(String device, String path) {

    /**
     * Resolves {@code name} against {@code root} (the value of {@code $root}, with or without
     * parentheses).
     *
     * @throws GrubError as GRUB: unbalanced parenthesis, relative file name, unset {@code $root}
     */
    public static GrubPath parse(String name, String root) {
        String device;
        String path;
        if (name.startsWith("(")) {
            int close = name.indexOf(')');
            if (close < 0) {
                throw new GrubError(GrubError.BAD_FILENAME, "missing `)' symbol");
            }
            device = name.substring(1, close);
            path = name.substring(close + 1);
        } else {
            if (root == null || root.isEmpty()) {
                throw new GrubError(GrubError.BAD_DEVICE, "variable `root' isn't set");
            }
            device = stripParens(root);
            path = name;
        }
        if (!path.isEmpty() && path.charAt(0) != '/') {
            throw new GrubError(GrubError.BAD_FILENAME, "invalid file name `" + name + "'");
        }
        return new GrubPath(device, path);
    }

    static String stripParens(String device) {
        String d = device;
        if (d.startsWith("(") && d.endsWith(")") && d.length() >= 2) {
            d = d.substring(1, d.length() - 1);
        }
        return d;
    }

    /** This path plus a child name. */
    public GrubPath child(String name) {
        String base = path.endsWith("/") ? path : path + "/";
        return new GrubPath(device, base + name);
    }

    @Override
    public String toString() {
        return "(" + device + ")" + path;
    }
}
