package org.jgrub.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgrub.core.host.RamFile;
import org.jgrub.core.host.ScratchDirectory;
import org.jgrub.core.memory.NativeGuestMemory;
import org.jgrub.core.vmm.VmConfig;
import org.jgrub.core.vmm.dump.StateFile;
import org.jgrub.core.vmm.qemu.QemuRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code jgrub exec-state DIR}: run a dump in QEMU, leaving the dump as it was. */
@Command(name = "exec-state", mixinStandardHelpOptions = true, versionProvider = JgrubVersion.class,
        description = {
            "Run a state written by --vmm dump in QEMU: guest-ram.img becomes the guest's RAM (mapped privately, "
                    + "so the dump is not modified) and vcpu-state.txt the boot vCPU's registers. "
                    + "-c, --accel and --debug apply."})
public final class ExecStateCommand implements Callable<Integer> {
    @ParentCommand
    JgrubCommand parent;

    @Parameters(index = "0", paramLabel = "DIR", description = "A directory written by --vmm dump --dump-dir DIR.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        StateFile.Contents dump = StateFile.read(dir.resolve(StateFile.NAME));
        VmConfig config = parent.vm.config("exec-state", dump.layout().memorySize());
        Path ram = dir.resolve(dump.ramFile());
        try (NativeGuestMemory memory = RamFile.open(ram, dump.layout(), NativeGuestMemory.Access.READ_ONLY);
             ScratchDirectory scratch = ScratchDirectory.create()) {
            return new QemuRunner(ram, QemuRunner.Sharing.PRIVATE, memory, scratch.path(), config.console(),
                    config.accelerator(), config.debug()).run(dump.state());
        }
    }
}
