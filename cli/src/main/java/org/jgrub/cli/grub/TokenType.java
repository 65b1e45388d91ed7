package org.jgrub.cli.grub;

/** Tokens of GRUB's script lexer. */
public enum TokenType {
    WORD, NEWLINE, SEMI, LBRACE, RBRACE,
    /** {@code | & < > && || ;;}: tokens GRUB lexes but its grammar never accepts. */
    UNSUPPORTED,
    EOF
}
