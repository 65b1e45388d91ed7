package org.jgrub.cli.boot;

import java.io.PrintStream;
import java.util.List;
import org.jgrub.cli.grub.BootAttempt;
import org.jgrub.cli.grub.GrubContext;
import org.jgrub.cli.grub.GrubError;
import org.jgrub.cli.grub.GrubInterpreter;
import org.jgrub.cli.grub.MenuEntry;
import org.jgrub.cli.grub.RunResult;
import org.jgrub.core.disk.DevicePath;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.UsageException;

/**
 * The GRUB 2 front end: the script interpreter with jgrub's loader commands registered
 * ({@code linux}, {@code initrd}, {@code boot} and their 16/efi spellings, {@code ls}, {@code cat}),
 * reading the guest's files through {@link DiskGrubHost}.
 */
public final class GrubFrontEnd {
    private final GrubInterpreter grub;
    private final BootSession session;
    private final PrintStream console;
    private final LoaderConsole loaderConsole;
    private final GuestFiles files;

    public GrubFrontEnd(GuestFiles files, BootSession session, LoaderConsole console) {
        this.files = files;
        this.session = session;
        this.loaderConsole = console;
        this.console = console.out();
        this.grub = new GrubInterpreter(new DiskGrubHost(files, this.console));
        for (String name : List.of("linux", "linux16", "linuxefi")) {
            grub.commands().register(name, this::linux);
        }
        for (String name : List.of("initrd", "initrd16", "initrdefi")) {
            grub.commands().register(name, this::initrd);
        }
        PromptCommands.register(grub, files);
        grub.commands().register("boot", (ctx, args) -> {
            if (!session.hasKernel()) {
                throw new GrubError(GrubError.BAD_DEVICE, "you need to load the kernel first");
            }
            throw new BootRequested();
        });
    }

    public GrubInterpreter interpreter() {
        return grub;
    }

    private static DevicePath root(GrubContext ctx) {
        String r = ctx.getVariable("root");
        if (r == null || r.isEmpty()) {
            return null;
        }
        try {
            return DevicePath.parse(r.startsWith("(") ? r : "(" + r + ")");
        } catch (UsageException e) {
            throw new GrubError(GrubError.BAD_DEVICE, e.getMessage());
        }
    }

    private void linux(GrubContext ctx, List<String> args) {
        if (args.isEmpty()) {
            throw GrubError.badArgument("filename expected");
        }
        ctx.resolve(args.get(0)); // GRUB's file-name checks
        try {
            // BOOT_IMAGE= is the name as written (grub-core/loader/i386/linux.c passes argv[0]).
            session.linux(args.get(0), args.subList(1, args.size()), root(ctx));
        } catch (JgrubException e) {
            throw DiskGrubHost.grubError(e);
        }
    }

    private void initrd(GrubContext ctx, List<String> args) {
        if (args.isEmpty()) {
            throw GrubError.badArgument("filename expected");
        }
        List<String> resolved = args.stream().map(a -> {
            if (a.startsWith("newc:")) {
                int colon = a.indexOf(':', 5);
                return colon < 0 ? a : a.substring(0, colon + 1) + ctx.resolve(a.substring(colon + 1));
            }
            return ctx.resolve(a).toString();
        }).toList();
        try {
            session.initrd(resolved, root(ctx));
        } catch (JgrubException e) {
            throw DiskGrubHost.grubError(e);
        }
    }

    /** Runs a configuration file as GRUB's normal mode does, with $root and $prefix set from it. */
    public RunResult loadConfig(ConfigLocator.Found found) {
        String device = found.device().device();
        grub.setVariable("root", device.substring(1, device.length() - 1));
        String dir = found.path().substring(0, Math.max(0, found.path().lastIndexOf('/')));
        grub.setVariable("prefix", device + dir);
        grub.setVariable("config_directory", device + dir);
        if (found.kind() == ConfigLocator.Kind.BLS) {
            return grub.runScript("blscfg\n", device + found.path());
        }
        if (found.kind() == ConfigLocator.Kind.LEGACY) {
            String text;
            try {
                text = files.text(found.path(), found.device());
            } catch (JgrubException e) {
                throw DiskGrubHost.grubError(e);
            }
            return grub.runScript(LegacyConfig.toGrub2(text), device + found.path());
        }
        return grub.runConfigFile(device + found.path());
    }

    /**
     * Runs the entry {@code selector} names — an index, an id, a title, or a {@code >} path through
     * submenus, as GRUB's {@code default} takes them — with no fallback. True when its body ran
     * without errors and loaded a kernel.
     */
    public boolean runSelected(String selector) {
        grub.setVariable("default", selector);
        grub.unsetVariable("fallback");
        try {
            return report(grub.runDefaultEntry());
        } catch (BootRequested boot) {
            return true;
        }
    }

    /** Runs the configuration's default entry (and its fallbacks), as GRUB does when the timeout expires. */
    public boolean runDefault() {
        try {
            return report(grub.runDefaultEntry());
        } catch (BootRequested boot) {
            return true;
        }
    }

    /** Runs an entry the user picked. */
    public boolean run(MenuEntry entry) {
        try {
            return report(grub.runEntry(entry, MenuScreen.submenuChooser(loaderConsole)));
        } catch (BootRequested boot) {
            return true;
        }
    }

    private boolean report(BootAttempt a) {
        if (a.path().isEmpty()) {
            console.println("error: the menu is empty.");
            return false;
        }
        return a.ok() && session.hasKernel();
    }

    /** Outcome of a script given with --script: whether it asked to boot. */
    public enum ScriptEnd { BOOT, END_OF_INPUT }

    /**
     * Runs GRUB commands (a --script file, or lines piped to jgrub) until {@code boot}; an error
     * in a line is printed and the script goes on, as at GRUB's prompt.
     */
    public ScriptEnd runScript(String text, String name) {
        try {
            grub.runScript(text, name);
        } catch (BootRequested boot) {
            return ScriptEnd.BOOT;
        }
        return ScriptEnd.END_OF_INPUT;
    }
}
