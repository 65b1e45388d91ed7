package org.jgrub.core.error;

import java.io.IOException;

/**
 * The base of every error jgrub reports to its user. The message is the whole story in one
 * line: the CLI prints {@code jgrub: <message>} and shows a stack trace only with {@code --debug}.
 */
public class JgrubException extends IOException {
    public JgrubException(String message) {
        super(message);
    }

    public JgrubException(String message, Throwable cause) {
        super(message, cause);
    }
}
