package org.jgrub.cli.boot;

import java.io.IOException;
import java.io.PrintStream;
import org.jgrub.cli.grub.DefaultChoice;
import org.jgrub.cli.grub.GrubInterpreter;
import org.jgrub.cli.grub.Menu;
import org.jgrub.cli.grub.MenuEntry;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * GRUB's menu on the terminal: the entries, the default marked, a countdown from {@code timeout}
 * (stopped by any key), arrows or a digit to choose, Enter to boot. Without a terminal (stdin or
 * stdout not a tty) nothing is asked: the default entry boots, as it would when the timeout expires.
 */
public final class MenuScreen {
    private MenuScreen() {}

    /** The user left the menu with Ctrl-C or Ctrl-D. */
    public static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super("stopped at the menu; nothing was handed over", null, false, false);
        }
    }

    /** What the user asked for: an entry (maybe edited), the default, or the prompt. */
    public record Choice(MenuEntry entry, boolean prompt) {
        static final Choice DEFAULT = new Choice(null, false);
        static final Choice PROMPT = new Choice(null, true);
    }

    /** A chooser for submenus opened from the terminal menu (null without a terminal). */
    public static org.jgrub.cli.grub.MenuChooser submenuChooser(LoaderConsole console) {
        if (!console.interactive()) {
            return null;
        }
        return (menu, defaultIndex, timeout) -> {
            try (Terminal t = console.terminal()) {
                Choice c = interact(t, menu, defaultIndex, timeout);
                return c.entry();
            } catch (IOException e) {
                return null;
            }
        };
    }

    /** The user's choice; {@link Choice#DEFAULT} without a terminal or when the countdown ends. */
    public static Choice choose(GrubInterpreter grub, LoaderConsole console, PrintStream messages) {
        Menu menu = grub.menu();
        DefaultChoice def = grub.resolveDefault();
        if (def == null) {
            return Choice.DEFAULT;
        }
        if (!console.interactive()) {
            messages.println("jgrub: no terminal: booting the default entry, '" + printable(def.entry().title()) + "'");
            return Choice.DEFAULT;
        }
        try (Terminal t = console.terminal()) {
            return interact(t, menu, def.index(), grub.timeout());
        } catch (IOException e) {
            messages.println("jgrub: cannot use the terminal (" + e.getMessage() + "): booting the default entry");
            return Choice.DEFAULT;
        }
    }

    private static Choice interact(Terminal t, Menu menu, int selected, int timeout) throws IOException {
        Attributes saved = t.enterRawMode();
        try {
            NonBlockingReader in = t.reader();
            int remaining = timeout;
            boolean counting = timeout >= 0;
            while (true) {
                draw(t, menu, selected, counting ? remaining : -1);
                if (counting && remaining <= 0) {
                    return Choice.DEFAULT;
                }
                int c = in.read(counting ? 1000 : 0);
                if (c == NonBlockingReader.READ_EXPIRED) {
                    remaining--;
                    continue;
                }
                counting = false;
                if (c == 3 || c == 4 || c < 0) {
                    // Ctrl-C / Ctrl-D (raw mode turns them into characters), or the terminal went away.
                    throw new Aborted();
                }
                if (c == '\r' || c == '\n') {
                    return new Choice(menu.get(selected), false);
                }
                if (c >= '0' && c <= '9' && c - '0' < menu.size()) {
                    return new Choice(menu.get(c - '0'), false);
                }
                if (c == 'c') {
                    return Choice.PROMPT;
                }
                if (c == 'e' && !menu.get(selected).submenu()) {
                    t.setAttributes(saved);
                    return new Choice(edit(t, menu.get(selected)), false);
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

    /**
     * GRUB's entry editor, line by line: each line of the body comes back for editing (Enter keeps
     * it), then the edited entry boots. A line edited to "." ends the body there.
     */
    private static MenuEntry edit(Terminal t, MenuEntry e) {
        org.jline.reader.LineReader reader = org.jline.reader.LineReaderBuilder.builder().terminal(t).build();
        t.writer().println("\u001b[H\u001b[2J  Editing '" + printable(e.title()) + "': Enter keeps a line; a line '.' ends the entry;"
                + " it boots after its last line.");
        StringBuilder body = new StringBuilder();
        for (String line : e.body().strip().split("\n")) {
            String edited;
            try {
                edited = reader.readLine("  ", null, line);
            } catch (org.jline.reader.UserInterruptException | org.jline.reader.EndOfFileException stop) {
                break;
            }
            if (edited.strip().equals(".")) {
                break;
            }
            body.append(edited).append('\n');
        }
        return new MenuEntry(e.title(), e.id(), e.classes(), e.users(), e.hotkey(), e.unrestricted(), e.args(),
                body.toString(), false, e.file(), e.line());
    }

    /**
     * A title from the guest's config as it may reach the host's terminal: control characters
     * (escape sequences could retitle or reprogram the terminal) become '?'.
     */
    static String printable(String title) {
        StringBuilder b = new StringBuilder(title.length());
        title.codePoints().forEach(c -> b.appendCodePoint(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c));
        return b.toString();
    }

    private static void draw(Terminal t, Menu menu, int selected, int remaining) {
        StringBuilder b = new StringBuilder("\u001b[H\u001b[2J");
        b.append("  jgrub: arrows (or a digit) and Enter boot an entry; 'e' edits it first, 'c' opens a prompt.\r\n\r\n");
        for (int i = 0; i < menu.size(); i++) {
            MenuEntry e = menu.get(i);
            b.append(i == selected ? " *" : "  ").append(i).append(' ').append(printable(e.title()))
                    .append(e.submenu() ? " >" : "").append("\r\n");
        }
        if (remaining >= 0) {
            b.append("\r\n  The highlighted entry will be executed automatically in ").append(remaining).append("s.\r\n");
        }
        t.writer().print(b);
        t.flush();
    }
}
