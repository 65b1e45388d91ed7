package org.jgrub.cli.grub;

import java.util.List;

/**
 * What running a menu entry did: the entries run, outermost first (submenus, then the entry
 * whose body loaded the kernel), whether its body finished without printing an error, the
 * errors it printed, and the limit message when a runaway body was stopped (else null).
 * After a successful attempt the caller boots (GRUB runs {@code boot} implicitly when a loader
 * is ready).
 */
public record BootAttempt(List<MenuEntry> path, boolean ok, List<String> errors, String aborted) {
    public BootAttempt {
        path = List.copyOf(path);
        errors = List.copyOf(errors);
    }

    /** The innermost entry run, or null when the menu was empty. */
    public MenuEntry entry() {
        return path.isEmpty() ? null : path.get(path.size() - 1);
    }
}
