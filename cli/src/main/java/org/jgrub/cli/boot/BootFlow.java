package org.jgrub.cli.boot;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jgrub.cli.grub.MenuEntry;
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
    private final PrintStream console;
    private final PrintStream messages;

    public BootFlow(Disks disks, BootSession session, GuestFiles files, PrintStream console, PrintStream messages) {
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
        ConfigLocator.Found found = locate(choice);
        messages.println("jgrub: using " + found.describe());
        grub.loadConfig(found);
        boolean loaded;
        if (unattended.entry() != null) {
            loaded = grub.runSelected(unattended.entry());
            if (!loaded) {
                throw new JgrubException("menu entry `" + unattended.entry() + "' did not load a kernel");
            }
        } else {
            Optional<MenuEntry> picked = MenuScreen.pick(grub.interpreter(), console, messages);
            loaded = picked.isPresent() ? grub.run(picked.get()) : grub.runDefault();
            if (!loaded) {
                throw new JgrubException("the " + (picked.isPresent() ? "chosen" : "default") + " entry did not load a kernel");
            }
        }
        return session.boot(backend, config);
    }

    private static String strip(String device) {
        return device.startsWith("(") ? device.substring(1, device.length() - 1) : device;
    }

    private ConfigLocator.Found locate(ConfigChoice c) throws JgrubException {
        ConfigLocator locator = new ConfigLocator(files);
        if (c.grubDir() != null || c.grubCfg() != null) {
            String dir = c.grubDir() != null ? c.grubDir() : "/boot/grub";
            String path = (dir.endsWith("/") ? dir : dir + "/") + (c.grubCfg() != null ? c.grubCfg() : "grub.cfg");
            if (c.root() != null) {
                if (!files.exists(path, c.root(), org.jgrub.core.fs.NodeType.FILE)) {
                    throw new JgrubException("no configuration at " + c.root().device() + path);
                }
                return new ConfigLocator.Found(c.root(), path, ConfigLocator.Kind.GRUB_CFG);
            }
            return locator.searchFor(path).orElseThrow(() -> new JgrubException("no device holds " + path
                    + " (looked at " + String.join(", ", locator.looked()) + ")"));
        }
        Optional<ConfigLocator.Found> f = c.root() != null ? locator.searchOn(c.root()) : locator.search();
        return f.orElseThrow(() -> new JgrubException("no GRUB configuration found; looked at "
                + String.join(", ", locator.looked()) + " (use -r, --grub-dir and -g, or --script)"));
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
