package org.jgrub.cli.grub;

import java.util.List;

/**
 * A shell word. {@code plain} is its text when it is made only of unquoted, unescaped
 * characters (how keywords such as {@code if} or {@code fi} are recognised), else null.
 */
public record Word(List<WordPart> parts, String plain) {
    public Word {
        parts = List.copyOf(parts);
    }

    public boolean isPlain(String text) {
        return text.equals(plain);
    }

    /** A valid variable/function name, as GRUB's NAME token: letter or '_' then letters, digits, '_'. */
    public static boolean isName(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c0 = s.charAt(0);
        if (!(Character.isLetter(c0) && c0 < 128) && c0 != '_') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '_') {
                return false;
            }
        }
        return true;
    }
}
