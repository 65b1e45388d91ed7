package org.jgrub.cli.grub;

/**
 * Asks the user to pick from a submenu when an interactively chosen entry opens one (GRUB shows
 * the submenu's own menu then). Returns the entry to run, or null for the submenu's default.
 */
@FunctionalInterface
public interface MenuChooser {
    MenuEntry choose(Menu menu, int defaultIndex, int timeout);
}
