package org.jgrub.cli.grub;

import java.util.List;

/**
 * A menu entry as {@code menuentry}/{@code submenu} define it. The body is kept as source text
 * and only runs when the entry is chosen.
 *
 * @param title        first argument
 * @param id           {@code --id}, or null (GRUB then uses the title as the id)
 * @param classes      {@code --class} values in order
 * @param users        {@code --users}, or null
 * @param hotkey       {@code --hotkey}, or null
 * @param unrestricted {@code --unrestricted}
 * @param args         all non-option arguments (title first): {@code $1...} when the body runs
 * @param body         source text between the braces (or of {@code --source})
 * @param submenu      defined by {@code submenu}
 * @param file         script the entry was defined in
 * @param line         line the body starts on in that script
 */
public record MenuEntry(String title, String id, List<String> classes, String users, String hotkey,
                        boolean unrestricted, List<String> args, String body, boolean submenu,
                        String file, int line) {
    public MenuEntry {
        classes = List.copyOf(classes);
        args = List.copyOf(args);
    }

    /** The id GRUB matches {@code default} against: {@code --id}, else the title. */
    public String effectiveId() {
        return id != null ? id : title;
    }
}
