package org.jgrub.cli.grub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Option parsing as GRUB's extcmd commands do it (grub-core/lib/arg.c): options anywhere in the
 * arguments until {@code --}; {@code --name=value} or {@code --name value}; grouped short flags;
 * an option with an optional argument takes one only in the {@code --name=value} form; an unknown
 * option is the error {@code unknown argument `-x'}.
 */
final class ArgParser {
    /** An option: long name, short letter (0 for none), and whether it takes an argument. */
    record Option(String name, char letter, Arg arg) {
    }

    enum Arg { NONE, REQUIRED, OPTIONAL }

    /** Parsed options (name to values, one entry per occurrence; null value when none given) and the rest. */
    record Parsed(Map<String, List<String>> options, List<String> args) {
        boolean has(String name) {
            return options.containsKey(name);
        }

        String value(String name) {
            List<String> v = options.get(name);
            return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
        }

        List<String> values(String name) {
            List<String> v = options.get(name);
            return v == null ? List.of() : v;
        }
    }

    private ArgParser() {
    }

    static Option flag(String name, char letter) {
        return new Option(name, letter, Arg.NONE);
    }

    static Option withArg(String name, char letter) {
        return new Option(name, letter, Arg.REQUIRED);
    }

    static Option optionalArg(String name, char letter) {
        return new Option(name, letter, Arg.OPTIONAL);
    }

    static Parsed parse(List<String> argv, List<Option> options) {
        Map<String, List<String>> found = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                rest.addAll(argv.subList(i + 1, argv.size()));
                break;
            }
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
                Option o = byName(options, name, a);
                String value = eq < 0 ? null : a.substring(eq + 1);
                if (o.arg() == Arg.NONE && value != null) {
                    throw GrubError.badArgument("the option `--" + name + "' doesn't require an argument");
                }
                if (o.arg() == Arg.REQUIRED && value == null) {
                    if (i + 1 >= argv.size()) {
                        throw GrubError.badArgument("missing mandatory option for `--" + name + "'");
                    }
                    value = argv.get(++i);
                }
                found.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(value);
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int j = 1; j < a.length(); j++) {
                    Option o = byLetter(options, a.charAt(j), a);
                    String value = null;
                    if (o.arg() != Arg.NONE) {
                        if (j + 1 < a.length()) {
                            value = a.substring(j + 1);
                        } else if (o.arg() == Arg.REQUIRED) {
                            if (i + 1 >= argv.size()) {
                                throw GrubError.badArgument("missing mandatory option for `-" + o.letter() + "'");
                            }
                            value = argv.get(++i);
                        }
                        found.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(value);
                        break;
                    }
                    found.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(null);
                }
            } else {
                rest.add(a);
            }
        }
        return new Parsed(found, rest);
    }

    private static Option byName(List<Option> options, String name, String arg) {
        for (Option o : options) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        throw GrubError.badArgument("unknown argument `" + arg + "'");
    }

    private static Option byLetter(List<Option> options, char c, String arg) {
        for (Option o : options) {
            if (o.letter() == c && c != 0) {
                return o;
            }
        }
        throw GrubError.badArgument("unknown argument `-" + c + "'");
    }
}
