package org.jgrub.cli.grub;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The language's own commands: variables (set, unset, export), true/false, echo, control flow
 * (break, continue, return, shift, setparams), running other scripts (source, configfile,
 * normal, eval) and the no-op commands of video, terminal and module handling.
 */
final class CoreCommands {
    private static final List<ArgParser.Option> ECHO_OPTIONS =
        List.of(ArgParser.flag("n", 'n'), ArgParser.flag("e", 'e'));

    private CoreCommands() {
    }

    static void register(CommandRegistry r) {
        r.register("set", CoreCommands::set);
        r.register("unset", (ctx, args) -> args.forEach(ctx::unsetVariable));
        r.register("export", (ctx, args) -> args.forEach(ctx::exportVariable));
        r.register("true", (ctx, args) -> { });
        r.register("false", (ctx, args) -> {
            throw GrubError.testFailure();
        });
        r.register("echo", CoreCommands::echo);
        r.register("break", (ctx, args) -> ex(ctx).breakLoops(loopCount(args), false));
        r.register("continue", (ctx, args) -> ex(ctx).breakLoops(loopCount(args), true));
        r.register("return", CoreCommands::doReturn);
        r.register("shift", (ctx, args) -> ex(ctx).shift(args.isEmpty() ? 1 : number(args.get(0), "")));
        r.register("setparams", (ctx, args) -> ex(ctx).setParams(args));
        r.register("source", CoreCommands::source);
        r.register(".", CoreCommands::source);
        r.register("configfile", (ctx, args) -> configfile(ctx, oneFile(args)));
        r.register("normal", (ctx, args) -> configfile(ctx, args.isEmpty()
            ? prefixed(ctx, "grub.cfg") : args.get(0)));
        r.register("eval", (ctx, args) -> ctx.runScript(String.join(" ", args), ctx.file(), ctx.line()));
        r.register("read", (ctx, args) -> {
            if (!args.isEmpty()) {
                ctx.setVariable(args.get(0), "");
            }
        });
        TestCommand test = new TestCommand();
        r.register("test", test);
        r.register("[", test);

        GrubCommand noop = (ctx, args) -> { };
        for (String name : List.of("insmod", "rmmod", "lsmod", "terminal_input", "terminal_output", "terminal",
            "terminfo", "serial", "loadfont", "font", "background_image", "background_color", "play", "videoinfo",
            "vbeinfo", "lsefi", "sleep", "clear", "save_env", "password", "password_pbkdf2", "nativedisk",
            "badram", "cutmem", "gfxterm_background_color", "lspci", "date", "set_timeout")) {
            r.register(name, noop);
        }
        // Usually defined by the config itself as functions; these stand in when it does not.
        for (String name : List.of("load_video", "gfxmode", "savedefault", "recordfail")) {
            r.registerWeak(name, noop);
        }
        r.register("keystatus", (ctx, args) -> {
            throw GrubError.testFailure();
        });
        r.register("fwsetup", (ctx, args) -> {
            throw GrubError.testFailure();
        });
        r.register("cpuid", (ctx, args) -> ArgParser.parse(args,
            List.of(ArgParser.flag("long-mode", 'l'), ArgParser.flag("pae", 'p'))));
    }

    static Executor ex(GrubContext ctx) {
        return (Executor) ctx;
    }

    private static void set(GrubContext ctx, List<String> args) {
        if (args.isEmpty()) {
            Map<String, String> sorted = new TreeMap<>(ex(ctx).vars.snapshot());
            sorted.forEach((k, v) -> ctx.print(k + "=" + v + "\n"));
            return;
        }
        String a = args.get(0);
        int eq = a.indexOf('=');
        if (eq < 0) {
            throw GrubError.badArgument("not an assignment");
        }
        String name = a.substring(0, eq);
        if (Executor.isSpecial(name)) {
            throw GrubError.badArgument("invalid variable name `" + name + "'");
        }
        ctx.setVariable(name, a.substring(eq + 1));
    }

    private static void echo(GrubContext ctx, List<String> argv) {
        ArgParser.Parsed p = ArgParser.parse(argv, ECHO_OPTIONS);
        boolean escapes = p.has("e");
        StringBuilder out = new StringBuilder();
        boolean newline = !p.has("n");
        List<String> args = p.args();
        outer:
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (i > 0) {
                out.append(' ');
            }
            if (!escapes) {
                out.append(s);
                continue;
            }
            for (int j = 0; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c != '\\' || j + 1 >= s.length()) {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(++j);
                switch (e) {
                    case '\\' -> out.append('\\');
                    case 'a' -> out.append('\007');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'v' -> out.append('\013');
                    case 'c' -> {
                        newline = false;
                        break outer;
                    }
                    default -> out.append('\\').append(e);
                }
            }
        }
        if (newline) {
            out.append('\n');
        }
        ctx.print(out.toString());
    }

    private static int loopCount(List<String> args) {
        if (args.isEmpty()) {
            return 1;
        }
        if (args.size() > 1) {
            throw GrubError.badArgument("one argument expected");
        }
        int n = number(args.get(0), "unrecognized number");
        if (n == 0) {
            throw GrubError.badArgument("can't break 0 loops");
        }
        return n;
    }

    private static void doReturn(GrubContext ctx, List<String> args) {
        Executor e = ex(ctx);
        if (!e.inFunction() || args.size() > 1) {
            throw GrubError.badArgument("not in function body");
        }
        int code;
        if (args.isEmpty()) {
            String status = ctx.getVariable("?");
            code = status == null ? 0 : leadingNumber(status);
        } else {
            code = number(args.get(0), "unrecognized number");
        }
        e.functionReturn(code);
    }

    /** A non-negative decimal number, else a BAD_ARGUMENT error with {@code message}. */
    static int number(String s, String message) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            throw GrubError.badArgument(message);
        }
        return Integer.parseInt(s);
    }

    private static int leadingNumber(String s) {
        int i = 0;
        while (i < s.length() && i < 9 && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i == 0 ? 0 : Integer.parseInt(s.substring(0, i));
    }

    private static String oneFile(List<String> args) {
        if (args.size() != 1) {
            throw GrubError.badArgument("filename expected");
        }
        return args.get(0);
    }

    static String prefixed(GrubContext ctx, String name) {
        String prefix = ctx.getVariable("prefix");
        if (prefix == null) {
            throw new GrubError(GrubError.FILE_NOT_FOUND, "variable `prefix' isn't set");
        }
        return prefix + "/" + name;
    }

    private static void source(GrubContext ctx, List<String> args) {
        runFile(ex(ctx), oneFile(args));
    }

    /** Reads and runs a file as GRUB's read_config_file, with {@code config_file}/{@code config_directory} set meanwhile. */
    static int runFile(Executor e, String name) {
        String text = e.readText(name);
        String oldFile = e.getVariable("config_file");
        String oldDir = e.getVariable("config_directory");
        int slash = name.lastIndexOf('/');
        e.setVariable("config_file", name);
        e.setVariable("config_directory", slash < 0 ? name : name.substring(0, slash));
        e.exportVariable("config_file");
        e.exportVariable("config_directory");
        int ret = e.runScript(text, name, 1);
        restore(e, "config_file", oldFile);
        restore(e, "config_directory", oldDir);
        return ret;
    }

    private static void restore(Executor e, String name, String old) {
        if (old == null) {
            e.unsetVariable(name);
        } else {
            e.setVariable(name, old);
            e.exportVariable(name);
        }
    }

    /** A new context and menu; if the file defines entries, that menu is shown and booted from. */
    static void configfile(GrubContext ctx, String name) {
        Executor e = ex(ctx);
        e.vars.open();
        int depth = e.vars.depth();
        try {
            runFile(e, name);
        } catch (MenuShown shown) {
            throw shown;
        } catch (RuntimeException failure) {
            e.vars.closeTo(depth - 1);
            throw failure;
        }
        if (e.menu().size() > 0) {
            throw new MenuShown();
        }
        e.vars.closeTo(depth - 1);
    }
}
