package org.jgrub.cli.grub;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code blscfg}, Fedora/RHEL's Boot Loader Specification support (the blscfg module of the
 * Fedora grub2 patches): reads {@code *.conf} entries from {@code $blsdir} (default
 * {@code /loader/entries}, falling back to {@code /boot/loader/entries} when that directory
 * cannot be read) on {@code $root}, sorts them newest first by name-version-release of the file
 * name, and adds one menu entry each. {@code options} has {@code $var} references replaced now
 * ({@code $default_kernelopts} when there is no options line); paths are prefixed with
 * {@code ($root)}, expanded when the entry runs.
 *
 * <p>Not done: the ESP scan and unified kernel images of /EFI/Linux, devicetree, early_initrd.
 */
final class BlsConfig implements GrubCommand {
    static final String DEFAULT_DIR = "/loader/entries";
    static final int MAX_ENTRY_BYTES = 1024 * 1024;

    /** A parsed entry file: id (file name without .conf) and its keys in file order. */
    record Entry(String id, List<String[]> keyValues) {
        String get(String key) {
            for (String[] kv : keyValues) {
                if (kv[0].equals(key)) {
                    return kv[1];
                }
            }
            return null;
        }

        List<String> all(String key) {
            List<String> out = new ArrayList<>();
            for (String[] kv : keyValues) {
                if (kv[0].equals(key)) {
                    out.add(kv[1]);
                }
            }
            return out;
        }
    }

    static void register(CommandRegistry r) {
        BlsConfig c = new BlsConfig();
        r.register("blscfg", c);
        r.register("bls_import", c);
    }

    @Override
    public void execute(GrubContext ctx, List<String> args) {
        String root = ctx.getVariable("root");
        if (root == null || root.isEmpty()) {
            throw new GrubError(GrubError.BAD_DEVICE, "variable `root' isn't set");
        }
        String device = GrubPath.stripParens(root);
        String dir = ctx.getVariable("blsdir");
        if (dir == null) {
            dir = DEFAULT_DIR;
        }
        List<String> names;
        try {
            names = ctx.host().listDirectory(new GrubPath(device, dir));
        } catch (GrubError e) {
            dir = "/boot" + DEFAULT_DIR;
            try {
                names = ctx.host().listDirectory(new GrubPath(device, dir));
            } catch (GrubError e2) {
                return;
            }
        }
        List<Entry> sorted = new ArrayList<>();
        int seen = 0;
        for (String name : names) {
            if (name.startsWith(".") || name.length() <= 5 || !name.endsWith(".conf")) {
                continue;
            }
            // The directory is the guest's: a menu's worth of entries at most, each small, checked
            // by size before it is read (insertion below is quadratic in the count).
            if (++seen > ctx.limits().maxMenuEntries()) {
                throw new GrubLimitExceeded("more than " + ctx.limits().maxMenuEntries() + " BLS entries in " + dir);
            }
            GrubPath file = new GrubPath(device, dir).child(name);
            if (ctx.host().stat(file).map(f -> f.directory() || f.size() > MAX_ENTRY_BYTES).orElse(true)) {
                continue;
            }
            String text;
            try {
                text = ctx.host().readText(file);
            } catch (GrubError e) {
                continue;
            }
            if (text.length() > MAX_ENTRY_BYTES) {
                continue;
            }
            insert(sorted, new Entry(name.substring(0, name.length() - 5), parse(text)));
        }
        for (Entry e : sorted) {
            MenuEntry m = toMenuEntry(ctx, e);
            if (m != null) {
                ctx.addMenuEntry(m);
            }
        }
    }

    /** Keeps the list newest first; an entry comparing equal to one already there is dropped. */
    static void insert(List<Entry> list, Entry e) {
        for (int i = 0; i < list.size(); i++) {
            int r = BlsVersion.compareIds(e.id(), list.get(i).id());
            if (r == 0) {
                return;
            }
            if (r > 0) {
                list.add(i, e);
                return;
            }
        }
        list.add(e);
    }

    /**
     * Key/value lines: leading blanks skipped, '#' lines ignored, key up to the first space (or
     * tab), value after the blanks that follow. As in the module, a line without a separator or
     * with nothing after it (a blank line too) ends the file.
     */
    static List<String[]> parse(String text) {
        List<String[]> out = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            line = line.substring(i);
            if (line.startsWith("#")) {
                continue;
            }
            int sep = line.indexOf(' ');
            if (sep < 0) {
                sep = line.indexOf('\t');
            }
            if (sep < 0 || sep == line.length() - 1) {
                break;
            }
            int v = sep + 1;
            while (v < line.length() && (line.charAt(v) == ' ' || line.charAt(v) == '\t')) {
                v++;
            }
            out.add(new String[] {line.substring(0, sep), line.substring(v)});
        }
        return out;
    }

    private static MenuEntry toMenuEntry(GrubContext ctx, Entry e) {
        String linux = e.get("linux");
        if (linux == null) {
            return null;
        }
        String title = e.get("title");
        String options = e.get("options");
        options = options != null ? expand(ctx, options) : expand(ctx, ctx.getVariable("default_kernelopts"));
        List<String> initrds = e.all("initrd");
        StringBuilder src = new StringBuilder();
        if ("true".equals(ctx.getVariable("save_default"))) {
            src.append("savedefault\n");
        }
        src.append("load_video\nset gfxpayload=keep\ninsmod gzio\n");
        src.append("linux ($root)").append(linux);
        if (options != null) {
            src.append(' ').append(options);
        }
        src.append('\n');
        if (!initrds.isEmpty()) {
            src.append("initrd");
            for (String i : initrds) {
                src.append(" ($root)").append(i);
            }
            src.append('\n');
        }
        List<String> args = new ArrayList<>();
        args.add(title != null ? title : linux);
        args.addAll(e.all("grub_arg"));
        return new MenuEntry(args.get(0), e.id(), e.all("grub_class"), expand(ctx, e.get("grub_users")),
            e.get("grub_hotkey"), false, args, src.toString(), false, "blscfg:" + e.id() + ".conf", 1);
    }

    /**
     * The module's variable substitution: {@code $name} becomes the variable's value followed by
     * a space (nothing when unset), one space right after the name is dropped; other text is copied.
     */
    static String expand(GrubContext ctx, String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && (Character.isLetterOrDigit(value.charAt(j)) && value.charAt(j) < 128
                || value.charAt(j) == '_')) {
                j++;
            }
            String v = ctx.getVariable(value.substring(i + 1, j));
            if (v != null) {
                out.append(v).append(' ');
            }
            i = j;
            if (i < n && value.charAt(i) == ' ') {
                i++;
            }
        }
        return out.toString();
    }
}
