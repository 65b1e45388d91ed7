package org.jgrub.cli.grub;

import java.util.List;

/**
 * Result of running a script: the last command's status, the errors printed (each
 * {@code FILE:LINE: error: MESSAGE.}), and the limit message when a runaway script was stopped
 * (else null).
 */
public record RunResult(int status, List<String> errors, String aborted) {
    public RunResult {
        errors = List.copyOf(errors);
    }

    public boolean wasAborted() {
        return aborted != null;
    }
}
