package org.jgrub.cli.boot;

/** Thrown by GRUB's {@code boot} command: stop running the script and boot what is loaded. */
public final class BootRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BootRequested() {
        super("boot", null, false, false);
    }
}
