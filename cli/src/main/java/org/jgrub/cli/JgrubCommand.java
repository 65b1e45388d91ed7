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

/** {@code jgrub [OPTIONS] VMNAME}: load a guest from its disks (in a later version) — and the subcommands. */
@Command(name = "jgrub", mixinStandardHelpOptions = true, versionProvider = JgrubVersion.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "A GRUB2- and FreeBSD-loader-compatible OS loader for bhyve and QEMU: it prepares the guest's memory "
                    + "and vCPU in the host and hands the VM to the hypervisor; no firmware runs in the guest.",
            "",
            "This version has the foundation only: 'jgrub demo' loads the seed article's 64-bit program and runs "
                    + "it; 'jgrub exec-state DIR' runs a dump. Loading a guest's own disks and configuration "
                    + "arrives in a later version."},
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

    @Override
    public Integer call() throws Exception {
        if (vmName == null) {
            throw new UsageException("no VM name given (try 'jgrub demo', or 'jgrub --help')");
        }
        throw new UsageException("loading VM '" + vmName + "' from its disks is not available in this version yet;"
                + " 'jgrub demo' runs the built-in example");
    }
}
