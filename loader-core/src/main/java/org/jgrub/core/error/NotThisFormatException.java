package org.jgrub.core.error;

/** Probing found another format; the caller moves on to the next candidate. */
public final class NotThisFormatException extends JgrubException {
    public NotThisFormatException(String message) {
        super(message);
    }
}
