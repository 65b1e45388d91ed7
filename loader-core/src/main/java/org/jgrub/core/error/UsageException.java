package org.jgrub.core.error;

/** A bad command-line value or a host-side problem the user can fix (missing tool, unwritable directory). */
public final class UsageException extends JgrubException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
