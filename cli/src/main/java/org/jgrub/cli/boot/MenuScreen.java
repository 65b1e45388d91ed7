package org.jgrub.cli.boot;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import org.jgrub.cli.grub.DefaultChoice;
import org.jgrub.cli.grub.GrubInterpreter;
import org.jgrub.cli.grub.Menu;
import org.jgrub.cli.grub.MenuEntry;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;

/**
 * GRUB's menu on the terminal: the entries, the default marked, a countdown from {@code timeout}
 * (stopped by any key), arrows or a digit to choose, Enter to boot. Without a terminal (stdin or
 * stdout not a tty) nothing is asked: the default entry boots, as it would when the timeout expires.
 */
public final class MenuScreen {
    private MenuScreen() {}

    /** The entry the user chose, or empty for "the default entry" (run with GRUB's fallbacks). */
    public static Optional<MenuEntry> pick(GrubInterpreter grub, PrintStream console, PrintStream messages) {
        Menu menu = grub.menu();
        DefaultChoice def = grub.resolveDefault();
        if (def == null) {
            return Optional.empty();
        }
        if (System.console() == null) {
            messages.println("jgrub: no terminal: booting the default entry, '" + def.entry().title() + "'");
            return Optional.empty();
        }
        try (Terminal t = TerminalBuilder.builder().system(true).build()) {
            return interact(t, menu, def.index(), grub.timeout());
        } catch (IOException e) {
            messages.println("jgrub: cannot use the terminal (" + e.getMessage() + "): booting the default entry");
            return Optional.empty();
        }
    }

    private static Optional<MenuEntry> interact(Terminal t, Menu menu, int selected, int timeout) throws IOException {
        Attributes saved = t.enterRawMode();
        try {
            NonBlockingReader in = t.reader();
            int remaining = timeout;
            boolean counting = timeout >= 0;
            while (true) {
                draw(t, menu, selected, counting ? remaining : -1);
                if (counting && remaining <= 0) {
                    return Optional.empty();
                }
                int c = in.read(counting ? 1000 : 0);
                if (c == NonBlockingReader.READ_EXPIRED) {
                    remaining--;
                    continue;
                }
                counting = false;
                if (c == '\r' || c == '\n') {
                    return Optional.of(menu.get(selected));
                }
                if (c >= '0' && c <= '9' && c - '0' < menu.size()) {
                    return Optional.of(menu.get(c - '0'));
                }
                if (c == 27 && in.read(50) == '[') {
                    int k = in.read(50);
                    if (k == 'A') {
                        selected = (selected + menu.size() - 1) % menu.size();
                    } else if (k == 'B') {
                        selected = (selected + 1) % menu.size();
                    }
                } else if (c == 'k') {
                    selected = (selected + menu.size() - 1) % menu.size();
                } else if (c == 'j') {
                    selected = (selected + 1) % menu.size();
                }
            }
        } finally {
            t.setAttributes(saved);
            t.writer().println();
            t.flush();
        }
    }

    private static void draw(Terminal t, Menu menu, int selected, int remaining) {
        StringBuilder b = new StringBuilder("\u001b[H\u001b[2J");
        b.append("  jgrub: use the arrow keys (or a digit) and Enter to choose an entry.\r\n\r\n");
        for (int i = 0; i < menu.size(); i++) {
            MenuEntry e = menu.get(i);
            b.append(i == selected ? " *" : "  ").append(i).append(' ').append(e.title())
                    .append(e.submenu() ? " >" : "").append("\r\n");
        }
        if (remaining >= 0) {
            b.append("\r\n  The highlighted entry will be executed automatically in ").append(remaining).append("s.\r\n");
        }
        t.writer().print(b);
        t.flush();
    }
}
