package org.jgrub.cli.grub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A GRUB 2 script interpreter: runs grub.cfg as GRUB's normal mode does, collects the menu,
 * resolves {@code default}/{@code fallback} and runs entry bodies. Loader commands are not part
 * of it: the host registers them (linux, initrd, boot...) in {@link #commands()}.
 *
 * <pre>{@code
 * GrubInterpreter grub = new GrubInterpreter(host);
 * grub.commands().register("linux", (ctx, args) -> ...).register("initrd", (ctx, args) -> ...);
 * grub.setVariable("root", "hd0,msdos1");
 * grub.setVariable("prefix", "(hd0,msdos1)/boot/grub");
 * grub.runConfigFile("(hd0,msdos1)/boot/grub/grub.cfg");
 * BootAttempt a = grub.runDefaultEntry();   // then boot what linux/initrd loaded
 * }</pre>
 *
 * Not thread-safe. Each public run method gets a fresh command budget and clock (see
 * {@link GrubLimits}); a runaway script is stopped, reported once and the interpreter stays usable.
 */
public final class GrubInterpreter {
    private static final List<String> FEATURES = List.of("feature_chainloader_bpb", "feature_ntldr",
        "feature_platform_search_hint", "feature_default_font_path", "feature_all_video_module",
        "feature_menuentry_id", "feature_menuentry_options", "feature_200_final", "feature_nativedisk_cmd",
        "feature_timeout_style");

    private final CommandRegistry registry = new CommandRegistry();
    private final Executor ex;

    public GrubInterpreter(GrubHost host) {
        this(host, GrubLimits.defaults());
    }

    public GrubInterpreter(GrubHost host, GrubLimits limits) {
        CoreCommands.register(registry);
        MenuCommands.register(registry);
        SearchCommand.register(registry);
        EnvBlock.register(registry);
        BlsConfig.register(registry);
        MiscCommands.register(registry);
        ex = new Executor(host, limits, registry);
        for (String f : FEATURES) {
            setExported(f, "y");
        }
        setExported("menuentry_id_option", "--id");
        setExported("grub_cpu", "i386");
        setExported("grub_platform", "pc");
        ex.vars.markExported("root");
        ex.vars.markExported("prefix");
    }

    private void setExported(String name, String value) {
        ex.vars.set(name, value);
        ex.vars.export(name);
    }

    /** Built-in and host commands; register loader commands here. */
    public CommandRegistry commands() {
        return registry;
    }

    /** The interpreter as commands see it (for hosts that run commands directly). */
    public GrubContext context() {
        return ex;
    }

    public String getVariable(String name) {
        return ex.vars.get(name);
    }

    public void setVariable(String name, String value) {
        ex.vars.set(name, value);
    }

    public void exportVariable(String name) {
        ex.vars.export(name);
    }

    public void unsetVariable(String name) {
        ex.vars.unset(name);
    }

    /** Variables of the current context. */
    public Map<String, String> variables() {
        return ex.vars.snapshot();
    }

    /** All errors printed so far, each {@code FILE:LINE: error: MESSAGE.}. */
    public List<String> errors() {
        return List.copyOf(ex.errors);
    }

    /**
     * Reads and runs a config file (a GRUB file name, on {@code $root} unless it names a device)
     * as normal mode does. If it hands over to another file with {@code configfile} and that file
     * defines a menu, that menu (in its own context) becomes the current one.
     */
    public RunResult runConfigFile(String name) {
        return run(() -> CoreCommands.runFile(ex, name));
    }

    /** Runs script text in the current context, under the given file name for error messages. */
    public RunResult runScript(String text, String fileName) {
        return run(() -> ex.runScript(text, fileName, 1));
    }

    private interface Body {
        int run();
    }

    private RunResult run(Body body) {
        int before = ex.errors.size();
        ex.beginRun();
        int status = 0;
        String aborted = null;
        try {
            status = body.run();
        } catch (MenuShown shown) {
            status = 0;
        } catch (GrubError e) {
            ex.printError(e.getMessage());
            status = e.code();
        } catch (GrubLimitExceeded e) {
            aborted = abort(e);
            status = GrubError.OUT_OF_RANGE;
        }
        return new RunResult(status, ex.errors.subList(before, ex.errors.size()), aborted);
    }

    private String abort(GrubLimitExceeded e) {
        String text = "error: " + e.getMessage() + "; script stopped.";
        ex.errors.add(text);
        ex.host.print(text + "\n");
        return e.getMessage();
    }

    /** The menu of the current context. */
    public Menu menu() {
        return ex.menu();
    }

    /** {@code timeout} in seconds, or -1 when unset or not a number (no timeout: wait for the user). */
    public int timeout() {
        String t = ex.vars.get("timeout");
        if (t == null || t.isBlank() || !Character.isDigit(t.stripLeading().charAt(0))) {
            return -1;
        }
        return (int) Math.min(Integer.MAX_VALUE, TestCommand.unsignedPrefix(t));
    }

    /** {@code timeout_style}: menu (default), countdown or hidden. */
    public String timeoutStyle() {
        String s = ex.vars.get("timeout_style");
        return s == null || !(s.equals("countdown") || s.equals("hidden")) ? "menu" : s;
    }

    /** The entry {@code default} designates in the current menu, without running anything; null if the menu is empty. */
    public DefaultChoice resolveDefault() {
        Menu m = menu();
        if (m.size() == 0) {
            return null;
        }
        String def = ex.vars.get("default");
        int i = defaultIndex(m, def);
        return new DefaultChoice(i, m.get(i), DefaultResolver.rest(def));
    }

    private static int defaultIndex(Menu m, String def) {
        int i = DefaultResolver.entryNumber(m, def);
        return i < 0 || i >= m.size() ? 0 : i;
    }

    /**
     * What GRUB does when the timeout expires: runs the default entry (through submenus, with
     * the part of {@code default} after '>' as the submenu's default), and if its body printed
     * errors, the {@code fallback} entries in turn.
     */
    public BootAttempt runDefaultEntry() {
        ex.beginRun();
        Menu m = menu();
        if (m.size() == 0) {
            return new BootAttempt(List.of(), false, List.of(), null);
        }
        BootAttempt a = attempt(m.get(defaultIndex(m, ex.vars.get("default"))), true);
        for (int tries = 0; !a.ok() && a.aborted() == null && tries < ex.limits.maxMenuEntries(); tries++) {
            int fb = nextFallback(m);
            if (fb < 0 || fb >= m.size()) {
                break;
            }
            a = attempt(m.get(fb), true);
        }
        return a;
    }

    /** Runs the entry at index in the current menu, as if the user chose it. */
    public BootAttempt runEntry(int index) {
        ex.beginRun();
        return attempt(menu().get(index), false);
    }

    /** Runs an entry as if the user chose it (a submenu opens and its default entry runs). */
    public BootAttempt runEntry(MenuEntry entry) {
        ex.beginRun();
        return attempt(entry, false);
    }

    /** Runs an entry the user chose; a submenu it opens is offered through {@code chooser}. */
    public BootAttempt runEntry(MenuEntry entry, MenuChooser chooser) {
        MenuChooser before = this.chooser;
        this.chooser = chooser;
        try {
            return runEntry(entry);
        } finally {
            this.chooser = before;
        }
    }

    private MenuChooser chooser;

    private BootAttempt attempt(MenuEntry e, boolean auto) {
        int before = ex.errors.size();
        List<MenuEntry> path = new ArrayList<>();
        String aborted = null;
        int depth = ex.vars.depth();
        try {
            enter(e, auto, path);
        } catch (GrubLimitExceeded limit) {
            aborted = abort(limit);
            ex.vars.closeTo(depth);
        }
        List<String> errs = ex.errors.subList(before, ex.errors.size());
        return new BootAttempt(path, errs.isEmpty() && aborted == null, errs, aborted);
    }

    /** grub_menu_execute_entry: chosen/default bookkeeping, body, then a submenu's own default. */
    private void enter(MenuEntry e, boolean auto, List<MenuEntry> path) {
        if (path.size() >= ex.limits.maxCallDepth()) {
            throw new GrubLimitExceeded("menus nested deeper than " + ex.limits.maxCallDepth());
        }
        path.add(e);
        String chosen = ex.vars.get("chosen");
        String def = ex.vars.get("default");
        int depth = ex.vars.depth();
        if (e.submenu()) {
            ex.vars.open();
            if (auto) {
                ex.vars.set("timeout", "0");
            }
        }
        ex.vars.set("chosen", (chosen != null ? chosen + ">" : "") + DefaultResolver.escapeId(e.effectiveId()));
        ex.vars.export("chosen");
        String rest = DefaultResolver.rest(def);
        if (rest != null) {
            ex.vars.set("default", rest);
        } else {
            ex.vars.unset("default");
        }
        boolean nested = e.submenu();
        try {
            ex.runBody(e.body(), e.args(), e.file(), e.line());
        } catch (MenuShown shown) {
            nested = true;
        } catch (GrubError err) {
            ex.printError(err.getMessage());
        }
        if (nested) {
            Menu m = ex.menu();
            if (m.size() > 0) {
                int d = defaultIndex(m, ex.vars.get("default"));
                MenuEntry picked = !auto && chooser != null ? chooser.choose(m, d, timeout()) : null;
                enter(picked != null ? picked : m.get(d), auto, path);
            }
        }
        ex.vars.closeTo(depth);
        restore("chosen", chosen);
        restore("default", def);
        ex.vars.unset("timeout");
    }

    private void restore(String name, String value) {
        if (value == null) {
            ex.vars.unset(name);
        } else {
            ex.vars.set(name, value);
        }
    }

    /** Takes the first entry off {@code fallback} (index, title or id) as GRUB does; -1 when none. */
    private int nextFallback(Menu m) {
        String val = ex.vars.get("fallback");
        if (val == null) {
            return -1;
        }
        String t = val.stripLeading();
        int entry;
        int consumed;
        if (DefaultResolver.isIndex(t)) {
            int k = 0;
            while (k < t.length() && Character.isLetterOrDigit(t.charAt(k))) {
                k++;
            }
            entry = (int) Math.min(Integer.MAX_VALUE, TestCommand.unsignedPrefix(t));
            consumed = k;
        } else {
            entry = -1;
            consumed = 0;
            for (int i = 0; i < m.size() && entry < 0; i++) {
                int n = DefaultResolver.matchLength(m.get(i).title(), t);
                if (n <= 0) {
                    n = DefaultResolver.matchLength(m.get(i).effectiveId(), t);
                }
                if (n > 0) {
                    entry = i;
                    consumed = n;
                }
            }
            if (entry < 0) {
                ex.vars.unset("fallback");
                return -1;
            }
        }
        ex.vars.set("fallback", t.substring(Math.min(consumed, t.length())).stripLeading());
        return entry;
    }
}
