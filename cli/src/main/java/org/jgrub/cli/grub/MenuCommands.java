package org.jgrub.cli.grub;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code menuentry} and {@code submenu} (grub-core/commands/menuentry.c): collect an entry with
 * its options and body source; the body is not run now.
 */
final class MenuCommands {
    private static final List<ArgParser.Option> OPTIONS = List.of(
        ArgParser.withArg("class", (char) 0),
        ArgParser.withArg("users", (char) 0),
        ArgParser.withArg("hotkey", (char) 0),
        ArgParser.withArg("source", (char) 0),
        ArgParser.withArg("id", (char) 0),
        ArgParser.flag("unrestricted", (char) 0));

    private MenuCommands() {
    }

    static void register(CommandRegistry r) {
        r.register("menuentry", (ctx, args) -> define(ctx, args, false));
        r.register("submenu", (ctx, args) -> define(ctx, args, true));
    }

    private static void define(GrubContext ctx, List<String> argv, boolean submenu) {
        ArgParser.Parsed p = ArgParser.parse(argv, OPTIONS);
        List<String> args = p.args();
        if (args.isEmpty()) {
            throw GrubError.badArgument("missing arguments");
        }
        Block block = ctx.block();
        String source = p.value("source");
        if (source != null && block != null) {
            throw GrubError.badArgument("multiple menuentry definitions");
        }
        if (source == null && block == null) {
            throw GrubError.badArgument("no menuentry definition");
        }
        String body = block != null ? block.source() : source;
        int line = block != null ? block.line() : ctx.line();
        List<String> classes = new ArrayList<>();
        for (String c : p.values("class")) {
            if (c != null) {
                classes.add(c);
            }
        }
        ctx.addMenuEntry(new MenuEntry(args.get(0), p.value("id"), classes, p.value("users"),
            p.value("hotkey"), p.has("unrestricted"), args, body, submenu, ctx.file(), line));
    }
}
