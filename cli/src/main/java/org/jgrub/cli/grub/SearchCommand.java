package org.jgrub.cli.grub;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code search} (grub-core/commands/search_wrap.c) and its {@code search.file},
 * {@code search.fs_uuid}, {@code search.fs_label} forms: the first device (hints first) with the
 * file, filesystem UUID (case-insensitive) or label; sets {@code --set} VAR (default {@code root})
 * or prints the devices; {@code no such device: NAME} when none.
 */
final class SearchCommand implements GrubCommand {
    enum Kind { FILE, UUID, LABEL }

    private static final List<ArgParser.Option> OPTIONS = List.of(
        ArgParser.flag("file", 'f'), ArgParser.flag("label", 'l'), ArgParser.flag("fs-uuid", 'u'),
        ArgParser.optionalArg("set", 's'), ArgParser.flag("no-floppy", 'n'), ArgParser.flag("efidisk-only", (char) 0),
        ArgParser.withArg("hint", 'h'), ArgParser.withArg("hint-ieee1275", (char) 0),
        ArgParser.withArg("hint-bios", (char) 0), ArgParser.withArg("hint-baremetal", (char) 0),
        ArgParser.withArg("hint-efi", (char) 0), ArgParser.withArg("hint-arc", (char) 0));

    private final Kind fixed;

    SearchCommand(Kind fixed) {
        this.fixed = fixed;
    }

    static void register(CommandRegistry r) {
        r.register("search", new SearchCommand(null));
        r.register("search.file", new SearchCommand(Kind.FILE));
        r.register("search.fs_uuid", new SearchCommand(Kind.UUID));
        r.register("search.fs_label", new SearchCommand(Kind.LABEL));
    }

    @Override
    public void execute(GrubContext ctx, List<String> argv) {
        String var;
        Kind kind;
        List<String> hints = new ArrayList<>();
        boolean noFloppy;
        String key;
        if (fixed != null) {
            // search.fs_uuid NAME [VARIABLE] [HINT...]
            if (argv.isEmpty()) {
                throw GrubError.badArgument("one argument expected");
            }
            kind = fixed;
            key = argv.get(0);
            var = argv.size() > 1 ? argv.get(1) : null;
            hints.addAll(argv.subList(Math.min(2, argv.size()), argv.size()));
            noFloppy = false;
        } else {
            ArgParser.Parsed p = ArgParser.parse(argv, OPTIONS);
            if (p.args().isEmpty()) {
                throw GrubError.badArgument("one argument expected");
            }
            key = p.args().get(0);
            kind = p.has("label") ? Kind.LABEL : p.has("fs-uuid") ? Kind.UUID : p.has("file") ? Kind.FILE : null;
            if (kind == null) {
                throw new GrubError(GrubError.INVALID_COMMAND, "unspecified search type");
            }
            var = p.has("set") ? (p.value("set") != null ? p.value("set") : "root") : null;
            for (String h : List.of("hint", "hint-bios", "hint-efi", "hint-baremetal", "hint-ieee1275", "hint-arc")) {
                p.values(h).forEach(v -> {
                    if (v != null) {
                        hints.add(v);
                    }
                });
            }
            noFloppy = p.has("no-floppy");
        }
        List<String> found = search(ctx, kind, key, hints, noFloppy, var != null);
        if (found.isEmpty()) {
            throw new GrubError(GrubError.FILE_NOT_FOUND, "no such device: " + key);
        }
        if (var != null) {
            ctx.setVariable(var, found.get(0));
        } else {
            ctx.print(String.join(" ", found) + "\n");
        }
    }

    private static List<String> search(GrubContext ctx, Kind kind, String key, List<String> hints,
                                       boolean noFloppy, boolean firstOnly) {
        List<String> devices = ctx.host().devices();
        Set<String> order = new LinkedHashSet<>();
        for (String h : hints) {
            String hint = GrubPath.stripParens(h);
            if (hint.endsWith(",")) {
                String disk = hint.substring(0, hint.length() - 1);
                devices.stream().filter(d -> d.startsWith(disk + ",")).forEach(order::add);
            } else if (devices.contains(hint)) {
                order.add(hint);
            }
        }
        order.addAll(devices);
        List<String> out = new ArrayList<>();
        for (String dev : order) {
            if (noFloppy && dev.startsWith("fd")) {
                continue;
            }
            if (matches(ctx, kind, key, dev)) {
                out.add(dev);
                if (firstOnly) {
                    break;
                }
            }
        }
        return out;
    }

    private static boolean matches(GrubContext ctx, Kind kind, String key, String dev) {
        try {
            return switch (kind) {
                case UUID -> ctx.host().fsUuid(dev).map(u -> u.equalsIgnoreCase(key)).orElse(false);
                case LABEL -> ctx.host().fsLabel(dev).map(l -> l.equals(key)).orElse(false);
                case FILE -> {
                    String path = key.startsWith("(") ? key.substring(key.indexOf(')') + 1) : key;
                    Optional<FileInfo> fi = ctx.host().stat(new GrubPath(dev, path));
                    yield fi.isPresent();
                }
            };
        } catch (GrubError e) {
            return false;
        }
    }
}
