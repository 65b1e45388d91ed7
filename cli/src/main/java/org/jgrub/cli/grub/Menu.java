package org.jgrub.cli.grub;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The entries collected by menuentry/submenu (and blscfg) in one variable context. */
public final class Menu {
    private final List<MenuEntry> entries = new ArrayList<>();

    public List<MenuEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public int size() {
        return entries.size();
    }

    public MenuEntry get(int index) {
        return entries.get(index);
    }

    void add(MenuEntry entry, int max) {
        if (entries.size() >= max) {
            throw new GrubLimitExceeded("more than " + max + " menu entries");
        }
        entries.add(entry);
    }
}
