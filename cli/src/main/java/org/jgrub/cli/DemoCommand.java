package org.jgrub.cli;

import java.util.concurrent.Callable;
import org.jgrub.cli.demo.SeedDemo;
import org.jgrub.core.vmm.Vm;
import org.jgrub.core.vmm.VmBackend;
import org.jgrub.core.vmm.VmBackends;
import org.jgrub.core.x86.VcpuState;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code jgrub demo}: the seed article's loader, run for real. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = JgrubVersion.class,
        description = {
            "Load the seed article's program (listing 3 of 'How to make a hypervisor', part 17): a 10-byte loop "
                    + "writing '*' to COM1, entered in 64-bit long mode with paging on, in a 128 MiB VM.",
            "With --vmm qemu (the default here) the terminal fills with '*'; press Ctrl-C to stop. "
                    + "With --vmm dump --dump-dir DIR the prepared state is written instead."})
public final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    JgrubCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "VMNAME", defaultValue = "demo",
            description = "The VM's name (default: ${DEFAULT-VALUE}).")
    String vmName;

    @Override
    public Integer call() throws Exception {
        VmBackend backend = VmBackends.find(parent.vm.vmm);
        try (Vm machine = backend.create(parent.vm.config(vmName, SeedDemo.MEMORY_SIZE))) {
            VcpuState state = SeedDemo.load(machine.memory());
            return machine.handoff(state);
        }
    }
}
