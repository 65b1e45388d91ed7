package org.jgrub.cli.grub;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Small utility commands configs use in conditions: {@code regexp} (with Java's regular
 * expressions standing in for POSIX extended ones), {@code tr}, {@code probe} (filesystem UUID
 * and label through the host; other queries set nothing) and {@code smbios} (no tables: sets
 * nothing).
 */
final class MiscCommands {
    private static final List<ArgParser.Option> REGEXP = List.of(ArgParser.withArg("set", 's'));
    private static final List<ArgParser.Option> TR = List.of(ArgParser.withArg("set", 's'),
        ArgParser.flag("upcase", 'U'), ArgParser.flag("downcase", 'D'));
    private static final List<ArgParser.Option> PROBE = List.of(ArgParser.withArg("set", 's'),
        ArgParser.flag("driver", 'd'), ArgParser.flag("partmap", 'p'), ArgParser.flag("fs", 'f'),
        ArgParser.flag("fs-uuid", 'u'), ArgParser.flag("label", 'l'), ArgParser.flag("part-uuid", (char) 0));

    private MiscCommands() {
    }

    static void register(CommandRegistry r) {
        r.register("regexp", MiscCommands::regexp);
        r.register("tr", MiscCommands::tr);
        r.register("probe", MiscCommands::probe);
        r.register("smbios", (ctx, args) -> { });
        r.register("hwmatch", (ctx, args) -> {
            throw GrubError.testFailure();
        });
        r.register("increment", (ctx, args) -> step(ctx, args, 1));
        r.register("decrement", (ctx, args) -> step(ctx, args, -1));
    }

    private static void regexp(GrubContext ctx, List<String> argv) {
        ArgParser.Parsed p = ArgParser.parse(argv, REGEXP);
        if (p.args().size() != 2) {
            throw GrubError.badArgument("two arguments expected");
        }
        Matcher m;
        try {
            m = Pattern.compile(p.args().get(0)).matcher(p.args().get(1));
        } catch (PatternSyntaxException e) {
            throw GrubError.badArgument("invalid regular expression");
        }
        if (!m.find()) {
            throw GrubError.testFailure();
        }
        List<String> sets = p.values("set");
        for (int i = 0; i < sets.size(); i++) {
            String spec = sets.get(i);
            int group = i + 1;
            String var = spec;
            int colon = spec.indexOf(':');
            if (colon >= 0) {
                group = CoreCommands.number(spec.substring(0, colon), "unrecognized number");
                var = spec.substring(colon + 1);
            }
            if (group <= m.groupCount() && m.group(group) != null) {
                ctx.setVariable(var, m.group(group));
            } else {
                ctx.unsetVariable(var);
            }
        }
    }

    /** Fedora's increment/decrement: add 1 or -1 to a numeric variable. */
    private static void step(GrubContext ctx, List<String> args, int delta) {
        if (args.size() != 1) {
            throw GrubError.badArgument("one argument expected");
        }
        String v = ctx.getVariable(args.get(0));
        if (v == null) {
            throw GrubError.badArgument("variable `" + args.get(0) + "' isn't set");
        }
        long n = TestCommand.number(v);
        ctx.setVariable(args.get(0), Long.toString(n + delta));
    }

    private static void tr(GrubContext ctx, List<String> argv) {
        ArgParser.Parsed p = ArgParser.parse(argv, TR);
        List<String> a = p.args();
        String input;
        String result;
        if (p.has("upcase") || p.has("downcase")) {
            if (a.size() != 1) {
                throw GrubError.badArgument("one argument expected");
            }
            input = a.get(0);
            result = p.has("upcase") ? upcaseAscii(input) : input.toLowerCase(Locale.ROOT);
        } else {
            if (a.size() != 3) {
                throw GrubError.badArgument("three arguments expected");
            }
            String from = a.get(0);
            String to = a.get(1);
            input = a.get(2);
            StringBuilder out = new StringBuilder();
            for (char c : input.toCharArray()) {
                int k = from.indexOf(c);
                out.append(k < 0 || to.isEmpty() ? c : to.charAt(Math.min(k, to.length() - 1)));
            }
            result = out.toString();
        }
        String var = p.value("set");
        if (var != null) {
            ctx.setVariable(var, result);
        } else {
            ctx.print(result + "\n");
        }
    }

    private static String upcaseAscii(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static void probe(GrubContext ctx, List<String> argv) {
        ArgParser.Parsed p = ArgParser.parse(argv, PROBE);
        if (p.args().size() != 1) {
            throw GrubError.badArgument("one argument expected");
        }
        String device = GrubPath.stripParens(p.args().get(0));
        Optional<String> value = Optional.empty();
        if (p.has("fs-uuid")) {
            value = ctx.host().fsUuid(device);
        } else if (p.has("label")) {
            value = ctx.host().fsLabel(device);
        }
        if (value.isEmpty()) {
            return;
        }
        String var = p.value("set");
        if (var != null) {
            ctx.setVariable(var, value.get());
        } else {
            ctx.print(value.get() + "\n");
        }
    }
}
