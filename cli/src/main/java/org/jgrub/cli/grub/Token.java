package org.jgrub.cli.grub;

/**
 * A token: its type, the word for {@link TokenType#WORD}, the 1-based line it starts on, and
 * its character offsets in the source (end exclusive) so blocks can keep their source text.
 */
public record Token(TokenType type, Word word, String text, int line, int start, int end) {
    public boolean isWord(String plain) {
        return type == TokenType.WORD && word.isPlain(plain);
    }
}
