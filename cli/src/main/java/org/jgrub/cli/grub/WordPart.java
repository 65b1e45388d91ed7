package org.jgrub.cli.grub;

/**
 * One piece of a word as the lexer saw it: literal text (unquoted, single- or double-quoted)
 * or a variable reference (unquoted: split on blanks when expanded; in double quotes: not).
 */
public record WordPart(WordPartKind kind, String text) {
    public boolean isVariable() {
        return kind == WordPartKind.VAR || kind == WordPartKind.DQVAR;
    }
}
