package org.jgrub.cli.grub;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GRUB environment block ({@code grubenv}, grub-core/lib/envblk.c): the signature line
 * {@code # GRUB Environment Block}, then {@code name=value} lines (a backslash escapes the next
 * character, so values can hold newlines), padded with '#' to 1024 bytes. {@code load_env} reads
 * it; {@code save_env} is accepted and writes nothing (the guest's disk is read-only to jgrub).
 */
final class EnvBlock {
    static final String SIGNATURE = "# GRUB Environment Block\n";

    private static final List<ArgParser.Option> OPTIONS = List.of(
        ArgParser.withArg("file", 'f'), ArgParser.flag("skip-sig", 's'));

    private EnvBlock() {
    }

    static void register(CommandRegistry r) {
        r.register("load_env", EnvBlock::loadEnv);
        r.register("save_env", (ctx, args) -> ArgParser.parse(args, OPTIONS));
        r.register("list_env", (ctx, args) -> {
            ArgParser.Parsed p = ArgParser.parse(args, OPTIONS);
            parse(ctx.readText(file(ctx, p))).forEach((k, v) -> ctx.print(k + "=" + v + "\n"));
        });
    }

    private static String file(GrubContext ctx, ArgParser.Parsed p) {
        String f = p.value("file");
        return f != null ? f : CoreCommands.prefixed(ctx, "grubenv");
    }

    private static void loadEnv(GrubContext ctx, List<String> args) {
        ArgParser.Parsed p = ArgParser.parse(args, OPTIONS);
        Map<String, String> vars = parse(ctx.readText(file(ctx, p)));
        List<String> whitelist = p.args();
        vars.forEach((name, value) -> {
            if (whitelist.isEmpty() || whitelist.contains(name)) {
                ctx.setVariable(name, value);
            }
        });
    }

    /** The variables of an environment block, in order. */
    static Map<String, String> parse(String text) {
        if (!text.startsWith(SIGNATURE)) {
            throw new GrubError(GrubError.BAD_FILE_TYPE, "invalid environment block");
        }
        Map<String, String> out = new LinkedHashMap<>();
        int i = SIGNATURE.length();
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '#') {
                // Comment or padding: to the end of the line.
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                i++;
                continue;
            }
            int eq = -1;
            int j = i;
            while (j < n && text.charAt(j) != '\n' && text.charAt(j) != '=') {
                j++;
            }
            if (j < n && text.charAt(j) == '=') {
                eq = j;
            }
            if (eq < 0) {
                i = j + 1;
                continue;
            }
            StringBuilder value = new StringBuilder();
            int k = eq + 1;
            while (k < n && text.charAt(k) != '\n') {
                char v = text.charAt(k);
                if (v == '\\' && k + 1 < n) {
                    value.append(text.charAt(k + 1));
                    k += 2;
                } else {
                    value.append(v);
                    k++;
                }
            }
            String name = text.substring(i, eq);
            if (!name.isEmpty()) {
                out.put(name, value.toString());
            }
            i = k + 1;
        }
        return out;
    }
}
