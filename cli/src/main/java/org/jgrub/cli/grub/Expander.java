package org.jgrub.cli.grub;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns words into arguments as GRUB does (grub_script_arglist_to_argv): quoted text always
 * makes an argument, even empty; an unquoted variable is split on blanks and an empty one makes
 * nothing (hence the {@code x$var = xy} idiom); a variable in double quotes is not split.
 * Wildcards are not expanded (GRUB only does so with its regexp module's translator).
 */
final class Expander {
    private final Executor ex;

    Expander(Executor ex) {
        this.ex = ex;
    }

    List<String> expand(List<Word> words) {
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            StringBuilder cur = null;
            for (WordPart p : w.parts()) {
                switch (p.kind()) {
                    case TEXT -> {
                        if (!p.text().isEmpty()) {
                            cur = append(cur, p.text());
                        }
                    }
                    case SQSTR, DQSTR -> cur = append(cur, p.text());
                    case VAR, DQVAR -> {
                        List<String> fields = lookup(p.text(), p.kind() == WordPartKind.VAR);
                        for (int i = 0; i < fields.size(); i++) {
                            if (i > 0 && cur != null) {
                                out.add(cur.toString());
                                cur = null;
                            }
                            cur = append(cur, fields.get(i));
                        }
                    }
                    default -> throw new IllegalStateException(p.kind().name());
                }
            }
            if (cur != null) {
                out.add(cur.toString());
            }
        }
        return out;
    }

    private StringBuilder append(StringBuilder cur, String s) {
        StringBuilder b = cur == null ? new StringBuilder() : cur;
        if (b.length() + s.length() > ex.limits.maxStringLength()) {
            throw new GrubLimitExceeded("argument longer than " + ex.limits.maxStringLength()
                + " characters at " + ex.file() + ":" + ex.line());
        }
        b.append(s);
        return b;
    }

    /** The fields a variable reference yields; {@code split} for an unquoted reference. */
    List<String> lookup(String name, boolean split) {
        List<String> scope = ex.scope();
        List<String> out = new ArrayList<>();
        if (!Executor.isSpecial(name)) {
            String v = ex.vars.get(name);
            if (v != null && !v.isEmpty()) {
                addValue(out, v, split);
            }
            return out;
        }
        if (scope == null) {
            return out;
        }
        switch (name) {
            case "#" -> out.add(Integer.toString(scope.size()));
            case "*" -> {
                if (split) {
                    scope.forEach(a -> addValue(out, a, true));
                } else {
                    out.add(String.join(" ", scope));
                }
            }
            case "@" -> scope.forEach(a -> addValue(out, a, split));
            default -> {
                int n = parseIndex(name);
                if (n >= 1 && n <= scope.size()) {
                    addValue(out, scope.get(n - 1), split);
                }
            }
        }
        return out;
    }

    private static int parseIndex(String digits) {
        if (digits.length() > 9) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    private static void addValue(List<String> out, String v, boolean split) {
        if (!split) {
            out.add(v);
            return;
        }
        int i = 0;
        int n = v.length();
        while (i < n) {
            while (i < n && isSpace(v.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(v.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(v.substring(start, i));
            }
        }
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
