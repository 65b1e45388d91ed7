package org.jgrub.cli.grub;

/**
 * How GRUB's menu code (grub-core/normal/menu.c) reads {@code default} and {@code fallback}:
 * a number is an index (base as C's strtoul with base 0; "1>2" is entry 1, then 2 inside it);
 * otherwise the first entry whose title or id equals
 * the value up to the first '>' (">>" stands for a literal '>'). The part after that '>' is the
 * default inside the chosen submenu.
 */
final class DefaultResolver {
    private DefaultResolver() {
    }

    /** Index in menu named by spec, or -1. */
    static int entryNumber(Menu menu, String spec) {
        if (spec == null) {
            return -1;
        }
        String t = spec.stripLeading();
        if (isIndex(t)) {
            long n = TestCommand.unsignedPrefix(t);
            return n > Integer.MAX_VALUE ? -1 : (int) n;
        }
        for (int i = 0; i < menu.size(); i++) {
            MenuEntry e = menu.get(i);
            if (matchLength(e.title(), spec) > 0 || matchLength(e.effectiveId(), spec) > 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A number: digits (0x hex allowed) ending the value or followed by blank or '>'. Upstream GRUB
     * takes any leading digits; like the Fedora/RHEL build (whose BLS ids often start with a
     * digit of the machine id) a value such as "8e1f...-5.14.0" is matched as an id instead.
     */
    static boolean isIndex(String t) {
        if (t.isEmpty() || !Character.isDigit(t.charAt(0))) {
            return false;
        }
        int i = t.startsWith("0x") || t.startsWith("0X") ? 2 : 0;
        while (i < t.length() && Character.digit(t.charAt(i), 16) >= 0) {
            i++;
        }
        if (i < t.length() && !(t.charAt(i) == '>' || Expander.isSpace(t.charAt(i)))) {
            return false;
        }
        return t.startsWith("0x") || t.startsWith("0X") || t.substring(0, i).chars().allMatch(Character::isDigit);
    }

    /**
     * Length of spec consumed when name matches its first path element (up to an unescaped '>'),
     * or 0 when it does not match.
     */
    static int matchLength(String name, String spec) {
        if (name == null) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (true) {
            boolean sepHere = j < spec.length() && spec.charAt(j) == '>'
                && !(j + 1 < spec.length() && spec.charAt(j + 1) == '>');
            if (sepHere) {
                return i == name.length() ? j : 0;
            }
            if (j < spec.length() && spec.charAt(j) == '>') {
                j++;
            }
            char a = i < name.length() ? name.charAt(i) : 0;
            char b = j < spec.length() ? spec.charAt(j) : 0;
            if (a != b) {
                return 0;
            }
            if (a == 0) {
                return j == 0 ? 0 : j;
            }
            i++;
            j++;
        }
    }

    /** The default for the submenu: what follows the first unescaped '>', or null. */
    static String rest(String spec) {
        if (spec == null) {
            return null;
        }
        for (int i = 0; i < spec.length(); i++) {
            if (spec.charAt(i) == '>') {
                if (i + 1 < spec.length() && spec.charAt(i + 1) == '>') {
                    i++;
                    continue;
                }
                return i + 1 < spec.length() ? spec.substring(i + 1) : null;
            }
        }
        return null;
    }

    /** An entry id as it appears in {@code chosen}: '>' doubled. */
    static String escapeId(String id) {
        return id.replace(">", ">>");
    }
}
