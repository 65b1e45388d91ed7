package org.jgrub.cli;

import java.util.concurrent.Callable;
import org.jgrub.cli.inspect.CatCommand;
import org.jgrub.cli.inspect.CpCommand;
import org.jgrub.cli.inspect.LsCommand;
import org.jgrub.cli.inspect.ProbeCommand;
import org.jgrub.core.disk.DevicePath;
import org.jgrub.core.error.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code jgrub [OPTIONS] VMNAME}: boot a guest from its own configuration — and the subcommands. */
@Command(name = "jgrub", mixinStandardHelpOptions = true, versionProvider = JgrubVersion.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "A GRUB2- and FreeBSD-loader-compatible OS loader for bhyve and QEMU: it prepares the guest's memory "
                    + "and vCPU in the host and hands the VM to the hypervisor; no firmware runs in the guest.",
            "",
            "jgrub -d disk.img VMNAME finds the guest's GRUB configuration (grub.cfg, BLS entries or GRUB legacy "
                    + "menu.lst) on its disks, offers the menu (or boots --entry, or runs --script), loads the Linux "
                    + "kernel and initrd into guest memory and hands the VM over. 'jgrub demo' runs the built-in "
                    + "example; probe, ls, cat and cp inspect the guest's disks."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success (with qemu: QEMU's own status)",
            "1:an error, reported in one line",
            "2:bad usage"})
public final class JgrubCommand implements Callable<Integer> {
    /** The subcommands, by name. Main registers only the one a command line uses (picocli builds each
     * command's model by reflection, which costs start-up time), and all of them for help. */
    static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> subcommands() {
        java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
        m.put("demo", DemoCommand::new);
        m.put("exec-state", ExecStateCommand::new);
        m.put("probe", ProbeCommand::new);
        m.put("ls", LsCommand::new);
        m.put("cat", CatCommand::new);
        m.put("cp", CpCommand::new);
        return java.util.Collections.unmodifiableMap(m);
    }

    @Mixin
    VmOptions vm;

    @Mixin
    DiskOptions disks;

    @picocli.CommandLine.Option(names = {"-r", "--root"}, paramLabel = "DEVICE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The root device for paths that name none, e.g. hd0,gpt2 or (hd0,gpt2).")
    String root;

    public DiskOptions disks() {
        return disks;
    }

    /** The -r device, or null. */
    public DevicePath root() throws UsageException {
        if (root == null) {
            return null;
        }
        String r = root.startsWith("(") ? root : "(" + root + ")";
        DevicePath p = DevicePath.parse(r);
        if (!p.path().isEmpty()) {
            throw new UsageException("-r names a device, not a path: `" + root + "'");
        }
        return p;
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "VMNAME", description = "The VM to prepare.")
    String vmName;

    @picocli.CommandLine.Option(names = "--entry", paramLabel = "N|ID|TITLE",
            description = "Boot this menu entry with no menu: an index, an id, a title, or a path through "
                    + "submenus such as 1>2 (GRUB's `default' syntax).")
    String entry;

    @picocli.CommandLine.Option(names = "--script", paramLabel = "FILE|-",
            description = "Run these GRUB commands instead of the guest's configuration, e.g. "
                    + "`linux (hd0,gpt2)/vmlinuz root=/dev/vda2', `initrd ...', `boot'; - reads standard input. "
                    + "Ending without `boot' is an error.")
    String script;

    @picocli.CommandLine.Option(names = "--grub-dir", paramLabel = "DIR",
            description = "Directory of the configuration on the root device, as grub-bhyve's -d (default /boot/grub"
                    + " when --grub-dir or -g is given; otherwise jgrub searches).")
    String grubDir;

    @picocli.CommandLine.Option(names = {"-g", "--grub-cfg"}, paramLabel = "CFG",
            description = "Configuration file name in --grub-dir, as grub-bhyve's -g (default grub.cfg).")
    String grubCfg;

    @picocli.CommandLine.Option(names = "--linux-entry", paramLabel = "32|64", defaultValue = "32",
            description = "Enter Linux in 32-bit protected mode (grub-bhyve's state; default) or through the 64-bit "
                    + "entry point.")
    String linuxEntry;

    @picocli.CommandLine.Option(names = {"-n", "--ncons"},
            description = "Do not put console=ttyS0 in front of the kernel command line. (jgrub adds it unless the "
                    + "command line already has a console=; grub-bhyve only looks for console=ttyS0.)")
    boolean noConsole;

    @Override
    public Integer call() throws Exception {
        if (vmName == null) {
            throw new UsageException("no VM name given (try 'jgrub demo', or 'jgrub --help')");
        }
        org.jgrub.core.x86.CpuMode mode = switch (linuxEntry) {
            case "32" -> org.jgrub.core.x86.CpuMode.PROTECTED_32;
            case "64" -> org.jgrub.core.x86.CpuMode.LONG_64;
            default -> throw new UsageException("--linux-entry takes 32 or 64, not `" + linuxEntry + "'");
        };
        org.jgrub.core.vmm.VmBackend backend = org.jgrub.core.vmm.VmBackends.find(vm.vmm);
        org.jgrub.core.vmm.VmConfig config = vm.config(vmName, DEFAULT_MEMORY);
        try (org.jgrub.core.disk.Disks opened = disks.open()) {
            DevicePath rootDevice = root();
            if (rootDevice != null && "host".equals(rootDevice.drive())) {
                opened.enableHost(java.nio.file.Path.of("/"));
            }
            org.jgrub.cli.boot.GuestFiles files = new org.jgrub.cli.boot.GuestFiles(opened);
            org.jgrub.cli.boot.BootSession session = new org.jgrub.cli.boot.BootSession(files, mode,
                    noConsole ? org.jgrub.formats.bzimage.KernelCommandLine.Console.AS_GIVEN
                            : org.jgrub.formats.bzimage.KernelCommandLine.Console.ADD_TTYS0);
            try (org.jgrub.cli.boot.LoaderConsole console = org.jgrub.cli.boot.LoaderConsole.of(vm.console)) {
                org.jgrub.cli.boot.BootFlow flow = new org.jgrub.cli.boot.BootFlow(opened, session, files, console,
                        System.err);
                return flow.run(new org.jgrub.cli.boot.BootFlow.ConfigChoice(rootDevice, grubDir, grubCfg),
                        new org.jgrub.cli.boot.BootFlow.Unattended(entry, script), backend, config, System.in);
            }
        }
    }

    /** grub-bhyve's default guest memory ({@code DEFAULT_GUESTMEM}): 256 MiB. */
    public static final long DEFAULT_MEMORY = 256L << 20;
}
