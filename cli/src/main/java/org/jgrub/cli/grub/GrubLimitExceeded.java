package org.jgrub.cli.grub;

/**
 * Thrown when a (hostile or broken) script exceeds one of the {@link GrubLimits}. Unlike
 * {@link GrubError} it is not a GRUB error that execution continues after: it unwinds the
 * whole run, which then ends with one error line.
 */
public final class GrubLimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GrubLimitExceeded(String message) {
        super(message);
    }
}
