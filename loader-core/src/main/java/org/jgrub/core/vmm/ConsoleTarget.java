package org.jgrub.core.vmm;

import java.nio.file.Path;

/** Where the guest's COM1 goes: jgrub's own terminal, or a device or file ({@code -c DEVICE}). */
public record ConsoleTarget(Path device) {
    public static final ConsoleTarget STDIO = new ConsoleTarget(null);

    public static ConsoleTarget of(Path device) {
        return device == null ? STDIO : new ConsoleTarget(device);
    }

    public boolean isStdio() {
        return device == null;
    }
}
