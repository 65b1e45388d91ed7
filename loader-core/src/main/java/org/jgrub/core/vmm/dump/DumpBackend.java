package org.jgrub.core.vmm.dump;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.host.HostErrors;
import org.jgrub.core.host.RamFile;
import org.jgrub.core.memory.NativeGuestMemory;
import org.jgrub.core.vmm.Vm;
import org.jgrub.core.vmm.VmBackend;
import org.jgrub.core.vmm.VmConfig;
import org.jgrub.core.x86.VcpuState;

/**
 * Writes what a loader prepared to {@code --dump-dir DIR} instead of running it: guest RAM as a
 * sparse file ({@code guest-ram.img}, QEMU's memory-backend-file layout, so only touched pages take
 * space) and the vCPU state as text ({@link StateFile}). {@code jgrub exec-state DIR} runs a dump.
 */
public final class DumpBackend implements VmBackend {
    public static final String RAM_FILE = "guest-ram.img";

    @Override
    public String name() {
        return "dump";
    }

    @Override
    public String description() {
        return "write guest RAM and the vCPU state to --dump-dir DIR instead of running";
    }

    @Override
    public Vm create(VmConfig config) throws JgrubException {
        Path dir = config.dumpDir();
        if (dir == null) {
            throw new UsageException("--vmm dump needs --dump-dir DIR");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("cannot create dump directory " + dir + ": " + HostErrors.reason(e), e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UsageException("dump directory " + dir + " is not a writable directory");
        }
        NativeGuestMemory memory = RamFile.create(dir.resolve(RAM_FILE), config.layout());
        return new Vm() {
            @Override
            public NativeGuestMemory memory() {
                return memory;
            }

            @Override
            public int handoff(VcpuState state) throws JgrubException {
                StateFile.write(dir.resolve(StateFile.NAME), new StateFile.Contents(memory.layout(), RAM_FILE, state));
                memory.close();
                config.debug().accept("dump: wrote " + dir.resolve(RAM_FILE) + " and " + dir.resolve(StateFile.NAME));
                return 0;
            }

            @Override
            public void close() {
                memory.close();
            }
        };
    }
}
