package org.jgrub.core.vmm.qemu;

import org.jgrub.core.error.JgrubException;
import org.jgrub.core.host.RamFile;
import org.jgrub.core.host.ScratchDirectory;
import org.jgrub.core.memory.NativeGuestMemory;
import org.jgrub.core.vmm.MemoryFlag;
import org.jgrub.core.vmm.Vm;
import org.jgrub.core.vmm.VmBackend;
import org.jgrub.core.vmm.VmConfig;

/**
 * Runs the prepared guest in QEMU. Guest RAM is a sparse file in a private temporary directory
 * that jgrub maps (so loaders write straight into the guest, as through {@code vm_map_gpa}) and
 * that QEMU then uses as its RAM; the temporary directory is removed when jgrub ends.
 */
public final class QemuBackend implements VmBackend {
    @Override
    public String name() {
        return "qemu";
    }

    @Override
    public String description() {
        return "run the guest in qemu-system-x86_64 (default except on FreeBSD)";
    }

    @Override
    public boolean isDefaultOnThisHost() {
        return !System.getProperty("os.name", "").startsWith("FreeBSD");
    }

    @Override
    public Vm create(VmConfig config) throws JgrubException {
        QemuBinary.locate(); // fail before any work when QEMU is missing
        if (config.flags().contains(MemoryFlag.WIRED)) {
            config.debug().accept("qemu: -S (wired memory) has no meaning for QEMU and is ignored");
        }
        ScratchDirectory scratch = ScratchDirectory.create();
        try {
            NativeGuestMemory memory = RamFile.create(scratch.resolve("guest-ram"), config.layout());
            return new QemuVm(config, scratch, memory);
        } catch (JgrubException | RuntimeException e) {
            scratch.close();
            throw e;
        }
    }

    /** A VM whose RAM is mapped and whose CPU state goes to QEMU at handoff. */
    private static final class QemuVm implements Vm {
        private final VmConfig config;
        private final ScratchDirectory scratch;
        private final NativeGuestMemory memory;

        QemuVm(VmConfig config, ScratchDirectory scratch, NativeGuestMemory memory) {
            this.config = config;
            this.scratch = scratch;
            this.memory = memory;
        }

        @Override
        public NativeGuestMemory memory() {
            return memory;
        }

        @Override
        public int handoff(org.jgrub.core.x86.VcpuState state) throws JgrubException {
            return new QemuRunner(scratch.resolve("guest-ram"), QemuRunner.Sharing.SHARED, memory, scratch.path(),
                    config.console(), config.accelerator(), config.debug()).run(state);
        }

        @Override
        public void close() {
            memory.close();
            scratch.close();
        }
    }
}
