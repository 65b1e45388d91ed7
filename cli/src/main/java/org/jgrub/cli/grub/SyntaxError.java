package org.jgrub.cli.grub;

/** A script that GRUB's parser would reject; {@code line} is where it was noticed. */
public final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    public SyntaxError(String message, int line) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
