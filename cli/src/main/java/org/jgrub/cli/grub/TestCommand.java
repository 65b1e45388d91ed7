package org.jgrub.cli.grub;

import java.util.List;
import java.util.Optional;

/**
 * {@code test} and {@code [} with GRUB's own left-to-right evaluation (grub-core/commands/test.c),
 * not POSIX's: three-argument comparisons first ({@code = == != < <= > >= -eq -ne -lt -le -gt -ge
 * -pgt -plt -nt -ot}), then {@code -d -e -f -s} (which end the expression) and {@code -n -z}, then
 * {@code ( ) ! -a -o}; any other word is true when non-empty. A lone {@code -z} (the quoted empty
 * variable vanished) is therefore a non-empty string, i.e. true, as in GRUB.
 */
final class TestCommand implements GrubCommand {
    private static final int MAX_PARENS = 64;

    @Override
    public void execute(GrubContext ctx, List<String> args) {
        int argc = args.size();
        if (argc >= 1 && args.get(argc - 1).equals("]")) {
            argc--;
        }
        int[] argn = {0};
        if (!parse(ctx, args, argn, argc, 0)) {
            throw GrubError.testFailure();
        }
    }

    private boolean parse(GrubContext ctx, List<String> a, int[] argn, int argc, int depth) {
        if (depth > MAX_PARENS) {
            throw GrubError.badArgument("test expression nested too deeply");
        }
        State s = new State();
        while (argn[0] < argc) {
            int n = argn[0];
            if (n + 2 < argc) {
                Boolean r = binary(ctx, a.get(n), a.get(n + 1), a.get(n + 2));
                if (r != null) {
                    s.update(r);
                    argn[0] += 3;
                    continue;
                }
            }
            if (n + 1 < argc) {
                String op = a.get(n);
                String arg = a.get(n + 1);
                switch (op) {
                    case "-d", "-e", "-f", "-s" -> {
                        s.update(fileTest(ctx, op, arg));
                        argn[0] += 2;
                        return s.ret;
                    }
                    case "-n" -> {
                        s.update(!arg.isEmpty());
                        argn[0] += 2;
                        continue;
                    }
                    case "-z" -> {
                        s.update(arg.isEmpty());
                        argn[0] += 2;
                        continue;
                    }
                    default -> {
                    }
                }
            }
            String w = a.get(n);
            switch (w) {
                case ")" -> {
                    argn[0]++;
                    return s.ret;
                }
                case "(" -> {
                    argn[0]++;
                    s.update(parse(ctx, a, argn, argc, depth + 1));
                }
                case "!" -> {
                    s.invert = !s.invert;
                    argn[0]++;
                }
                case "-a" -> {
                    s.discard = !s.ret;
                    argn[0]++;
                }
                case "-o" -> {
                    s.discard = s.ret;
                    argn[0]++;
                }
                default -> {
                    s.update(!w.isEmpty());
                    argn[0]++;
                }
            }
        }
        return s.ret;
    }

    /** Value of a three-word comparison, or null when {@code op} is not a binary operator. */
    private Boolean binary(GrubContext ctx, String l, String op, String r) {
        switch (op) {
            case "=", "==":
                return l.equals(r);
            case "!=":
                return !l.equals(r);
            case "<":
                return compareBytes(l, r) < 0;
            case "<=":
                return compareBytes(l, r) <= 0;
            case ">":
                return compareBytes(l, r) > 0;
            case ">=":
                return compareBytes(l, r) >= 0;
            case "-eq":
                return number(l) == number(r);
            case "-ne":
                return number(l) != number(r);
            case "-lt":
                return number(l) < number(r);
            case "-le":
                return number(l) <= number(r);
            case "-gt":
                return number(l) > number(r);
            case "-ge":
                return number(l) >= number(r);
            case "-pgt", "-plt":
                return prefixed(l, op, r);
            default:
                break;
        }
        if (op.startsWith("-nt") || op.startsWith("-ot")) {
            // No modification times through the host: GRUB's answer when neither has one.
            boolean e1 = exists(ctx, l);
            boolean e2 = exists(ctx, r);
            return op.startsWith("-nt") ? e1 && !e2 : !e1 && e2;
        }
        return null;
    }

    /** -pgt/-plt: numbers compared after skipping the common prefix (back to the start of its digits). */
    private static boolean prefixed(String l, String op, String r) {
        int i = 0;
        while (i < l.length() && i < r.length() && l.charAt(i) == r.charAt(i)) {
            i++;
        }
        i--;
        while (i > 0 && Character.isDigit(l.charAt(i))) {
            i--;
        }
        i++;
        long a = unsignedPrefix(i < l.length() ? l.substring(i) : "");
        long b = unsignedPrefix(i < r.length() ? r.substring(i) : "");
        return op.equals("-pgt") ? a > b : a < b;
    }

    private static int compareBytes(String a, String b) {
        return a.compareTo(b);
    }

    /** Like GRUB's strtosl with base 0: optional '-', then 0x hex, 0 octal or decimal; junk ends it. */
    static long number(String s) {
        if (s.startsWith("-")) {
            return -unsignedPrefix(s.substring(1));
        }
        return unsignedPrefix(s);
    }

    static long unsignedPrefix(String s) {
        String t = s.stripLeading();
        int base = 10;
        int i = 0;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            base = 16;
            i = 2;
        } else if (t.startsWith("0")) {
            base = 8;
        }
        long v = 0;
        for (; i < t.length(); i++) {
            int d = Character.digit(t.charAt(i), base);
            if (d < 0) {
                break;
            }
            v = v * base + d;
            if (v > 0xFFFF_FFFFL) {
                v = 0xFFFF_FFFFL;
            }
        }
        return v;
    }

    private static boolean exists(GrubContext ctx, String name) {
        return info(ctx, name).isPresent();
    }

    private static Optional<FileInfo> info(GrubContext ctx, String name) {
        try {
            GrubPath p = ctx.resolve(name);
            String path = p.path();
            while (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return ctx.host().stat(new GrubPath(p.device(), path.equals("/") ? "" : path));
        } catch (GrubError e) {
            return Optional.empty();
        }
    }

    private static boolean fileTest(GrubContext ctx, String op, String name) {
        Optional<FileInfo> fi = info(ctx, name);
        return switch (op) {
            case "-d" -> fi.map(FileInfo::directory).orElse(false);
            case "-e" -> fi.isPresent();
            case "-f" -> fi.map(f -> !f.directory()).orElse(false);
            default -> fi.map(f -> !f.directory() && f.size() != 0).orElse(false);
        };
    }

    /** Current value with GRUB's pending "!" and -a/-o discarding. */
    private static final class State {
        boolean ret;
        boolean invert;
        boolean discard;

        void update(boolean v) {
            if (!discard) {
                ret = invert != v;
            }
            invert = false;
            discard = false;
        }
    }
}
