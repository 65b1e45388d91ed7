package org.jgrub.cli;

import java.util.concurrent.Callable;
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
        subcommands = {DemoCommand.class, ExecStateCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success (with qemu: QEMU's own status)",
            "1:an error, reported in one line",
            "2:bad usage"})
public final class JgrubCommand implements Callable<Integer> {
    @Mixin
    VmOptions vm;

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
