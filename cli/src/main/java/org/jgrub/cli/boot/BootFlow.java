package org.jgrub.cli.boot;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jgrub.core.disk.DevicePath;
import org.jgrub.core.disk.Disks;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.host.HostErrors;
import org.jgrub.core.vmm.VmBackend;
import org.jgrub.core.vmm.VmConfig;

/**
 * {@code jgrub [OPTIONS] VMNAME}: find the guest's configuration, run it, pick an entry (from
 * {@code --entry}, the menu, or the default), load the kernel and hand the VM over — or, with
 * {@code --script}, run GRUB commands instead of the configuration.
 */
public final class BootFlow {
    /** How the configuration was chosen on the command line (grub-bhyve's -r, -d, -g). */
    public record ConfigChoice(DevicePath root, String grubDir, String grubCfg) {}

    /** What jgrub does when a person or a script decides. */
    public record Unattended(String entry, String script) {}

    private final Disks disks;
    private final GuestFiles files;
    private final BootSession session;
    private final GrubFrontEnd grub;
    private final LoaderConsole console;
    private final PrintStream messages;

    public BootFlow(Disks disks, BootSession session, GuestFiles files, LoaderConsole console, PrintStream messages) {
        this.disks = disks;
        this.files = files;
        this.session = session;
        this.console = console;
        this.messages = messages;
        this.grub = new GrubFrontEnd(files, session, console);
    }

    /** Runs the front end; boots when an entry or the script loaded a kernel. Returns the exit status. */
    public int run(ConfigChoice choice, Unattended unattended, VmBackend backend, VmConfig config, InputStream stdin)
            throws JgrubException {
        try {
            return runFlow(choice, unattended, backend, config, stdin);
        } catch (MenuScreen.Aborted stopped) {
            throw new JgrubException(stopped.getMessage());
        }
    }

    private int runFlow(ConfigChoice choice, Unattended unattended, VmBackend backend, VmConfig config,
                        InputStream stdin) throws JgrubException {
        if (unattended.script() != null) {
            if (choice.root() != null) {
                grub.interpreter().setVariable("root", strip(choice.root().device()));
            }
            String text = readScript(unattended.script(), stdin);
            String name = unattended.script().equals("-") ? "(stdin)" : unattended.script();
            if (grub.runScript(text, name) != GrubFrontEnd.ScriptEnd.BOOT) {
                throw new JgrubException(name + ": ended without `boot'; nothing was handed over");
            }
            return session.boot(backend, config);
        }
        Optional<ConfigLocator.Found> located = locate(choice);
        if (located.isEmpty()) {
            // GRUB drops to its prompt; from a pipe the prompt reads it and ends at its end.
            messages.println("jgrub: no GRUB configuration found; looked at " + String.join(", ", looked)
                    + (console.interactive() ? "" : "; reading GRUB commands from standard input"));
            return prompt(backend, config, "no GRUB configuration found and standard input ended without"
                    + " `boot'; nothing was handed over");
        }
        ConfigLocator.Found found = located.get();
        messages.println("jgrub: using " + found.describe());
        grub.loadConfig(found);
        boolean loaded;
        if (unattended.entry() != null) {
            loaded = grub.runSelected(unattended.entry());
            if (!loaded) {
                throw new JgrubException("menu entry `" + unattended.entry() + "' did not load a kernel");
            }
        } else {
            MenuScreen.Choice picked = MenuScreen.choose(grub.interpreter(), console, messages);
            if (picked.prompt()) {
                return prompt(backend, config, "the prompt ended without `boot'; nothing was handed over");
            }
            loaded = picked.entry() != null ? grub.run(picked.entry()) : grub.runDefault();
            if (!loaded) {
                throw new JgrubException("the " + (picked.entry() != null ? "chosen" : "default")
                        + " entry did not load a kernel");
            }
        }
        return session.boot(backend, config);
    }

    private final java.util.List<String> looked = new java.util.ArrayList<>();

    private int prompt(VmBackend backend, VmConfig config, String noBoot) throws JgrubException {
        Prompt.End end;
        try {
            end = new Prompt(grub.interpreter(), console).run();
        } catch (java.io.IOException e) {
            throw new JgrubException("prompt: " + e.getMessage(), e);
        }
        if (end != Prompt.End.BOOT) {
            throw new JgrubException(noBoot);
        }
        return session.boot(backend, config);
    }

    private static String strip(String device) {
        return device.startsWith("(") ? device.substring(1, device.length() - 1) : device;
    }

    private Optional<ConfigLocator.Found> locate(ConfigChoice c) throws JgrubException {
        ConfigLocator locator = new ConfigLocator(files);
        if (c.grubDir() != null || c.grubCfg() != null) {
            String dir = c.grubDir() != null ? c.grubDir() : "/boot/grub";
            String path = (dir.endsWith("/") ? dir : dir + "/") + (c.grubCfg() != null ? c.grubCfg() : "grub.cfg");
            if (c.root() != null) {
                if (!files.exists(path, c.root(), org.jgrub.core.fs.NodeType.FILE)) {
                    throw new JgrubException("no configuration at " + c.root().device() + path);
                }
                return Optional.of(new ConfigLocator.Found(c.root(), path, ConfigLocator.Kind.GRUB_CFG));
            }
            Optional<ConfigLocator.Found> f = locator.searchFor(path);
            looked.addAll(locator.looked());
            return f;
        }
        Optional<ConfigLocator.Found> f = c.root() != null ? locator.searchOn(c.root()) : locator.search();
        looked.addAll(locator.looked());
        return f;
    }

    private static String readScript(String script, InputStream stdin) throws UsageException {
        try {
            byte[] bytes = script.equals("-") ? stdin.readNBytes(GuestFiles.MAX_CONFIG + 1)
                    : Files.readAllBytes(Path.of(script));
            if (bytes.length > GuestFiles.MAX_CONFIG) {
                throw new UsageException(script + ": larger than " + GuestFiles.MAX_CONFIG + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new UsageException("cannot read script " + script + ": " + HostErrors.reason(e), e);
        }
    }
}
