package org.jgrub.cli.grub;

/**
 * Control flow: {@code configfile} (or {@code normal}) ran a file that defined a menu. GRUB
 * shows that menu and boots from it, never coming back to the rest of the caller; the new
 * context and its menu stay current.
 */
final class MenuShown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MenuShown() {
        super(null, null, false, false);
    }
}
