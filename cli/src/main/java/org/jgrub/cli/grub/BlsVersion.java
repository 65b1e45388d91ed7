package org.jgrub.cli.grub;

/**
 * Version ordering of BLS entries as Fedora's blscfg module sorts them: rpm-style segment
 * comparison (numeric segments beat alphabetic ones, longer numbers win, '~' sorts before
 * anything, '+' after the end), applied to the file name split as name-version-release at
 * its last two dashes.
 */
final class BlsVersion {
    private BlsVersion() {
    }

    /** Positive when a is newer than b, negative when older, 0 when equal. */
    static int compareIds(String a, String b) {
        String[] x = split(a);
        String[] y = split(b);
        int r = vercmp(x[0], y[0]);
        if (r != 0) {
            return r;
        }
        r = vercmp(x[1], y[1]);
        return r != 0 ? r : vercmp(x[2], y[2]);
    }

    /** {name, version, release}; missing parts move towards the name as the module does. */
    static String[] split(String id) {
        String name;
        String version;
        String release;
        int r = id.lastIndexOf('-');
        if (r < 0) {
            return new String[] {id, "", ""};
        }
        release = id.substring(r + 1);
        String rest = id.substring(0, r);
        int v = rest.lastIndexOf('-');
        if (v < 0) {
            // Only one dash: "name-version".
            name = rest;
            version = release;
            release = "";
        } else {
            version = rest.substring(v + 1);
            name = rest.substring(0, v);
        }
        return new String[] {name, version, release};
    }

    static int vercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int na = a.length();
        int nb = b.length();
        while (i < na || j < nb) {
            while (i < na && !alnum(a.charAt(i)) && a.charAt(i) != '~' && a.charAt(i) != '+') {
                i++;
            }
            while (j < nb && !alnum(b.charAt(j)) && b.charAt(j) != '~' && b.charAt(j) != '+') {
                j++;
            }
            char ca = i < na ? a.charAt(i) : 0;
            char cb = j < nb ? b.charAt(j) : 0;
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == '+' || cb == '+') {
                if (ca == 0) {
                    return -1;
                }
                if (cb == 0) {
                    return 1;
                }
                if (ca != '+') {
                    return 1;
                }
                if (cb != '+') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == 0 || cb == 0) {
                break;
            }
            boolean numeric = Character.isDigit(ca);
            int ei = i;
            int ej = j;
            if (numeric) {
                while (ei < na && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < nb && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
            } else {
                while (ei < na && Character.isLetter(a.charAt(ei)) && a.charAt(ei) < 128) {
                    ei++;
                }
                while (ej < nb && Character.isLetter(b.charAt(ej)) && b.charAt(ej) < 128) {
                    ej++;
                }
            }
            if (ej == j) {
                return numeric ? 1 : -1;
            }
            String sa = a.substring(i, ei);
            String sb = b.substring(j, ej);
            if (numeric) {
                sa = sa.replaceFirst("^0+", "");
                sb = sb.replaceFirst("^0+", "");
                if (sa.length() != sb.length()) {
                    return sa.length() > sb.length() ? 1 : -1;
                }
            }
            int c = sa.compareTo(sb);
            if (c != 0) {
                return c < 0 ? -1 : 1;
            }
            i = ei;
            j = ej;
        }
        if (i >= na && j >= nb) {
            return 0;
        }
        return i >= na ? -1 : 1;
    }

    private static boolean alnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
