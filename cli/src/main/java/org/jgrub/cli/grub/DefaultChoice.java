package org.jgrub.cli.grub;

/**
 * The entry {@code default} designates in a menu: its index (0 when default is unset, unknown or
 * out of range, as GRUB), the entry, and the default to use inside it when it is a submenu
 * (null when none).
 */
public record DefaultChoice(int index, MenuEntry entry, String submenuDefault) {
}
