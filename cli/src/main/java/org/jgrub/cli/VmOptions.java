package org.jgrub.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.memory.MemorySize;
import org.jgrub.core.vmm.Accelerator;
import org.jgrub.core.vmm.ConsoleTarget;
import org.jgrub.core.vmm.MemoryFlag;
import org.jgrub.core.vmm.VmConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/**
 * Options that say how the VM is made, shared by the main command and its subcommands
 * (picocli's inherited scope: they may stand before or after the subcommand's name).
 */
public final class VmOptions {
    @Option(names = {"-M", "--memory"}, paramLabel = "SIZE", scope = ScopeType.INHERIT,
            converter = MemoryConverter.class,
            description = "Guest memory: 512M, 2G, or a bare number (MiB below 1048576, else bytes), as bhyve's "
                    + "vm_parse_memsize. Default: 256M (the demo: 128M). 2M to 1T, whole MiB.")
    Long memory;

    @Option(names = "--vmm", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "VM backend: bhyve (prepare a bhyve VM through libvmmapi for bhyve(8) to run; the "
                    + "default on FreeBSD), qemu (run the guest in QEMU; the default elsewhere) or dump (write RAM "
                    + "and vCPU state to --dump-dir).")
    String vmm;

    @Option(names = "--dump-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where --vmm dump writes guest-ram.img and vcpu-state.txt (created if missing).")
    Path dumpDir;

    @Option(names = "--vmmapi-library", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "The libvmmapi --vmm bhyve uses (FreeBSD 13's or 14's API, found at run time). "
                    + "Default: the system's libvmmapi.")
    Path vmmapiLibrary;

    @Option(names = {"-c", "--cons-dev"}, paramLabel = "DEVICE", scope = ScopeType.INHERIT,
            description = "A tty such as /dev/nmdm0A: jgrub's menu and prompt run there in raw mode, as in grub-bhyve "
                    + "and bhyveload, and under qemu the guest's COM1 too. A plain file receives only the guest's "
                    + "COM1 output (qemu).")
    Path console;

    @Option(names = "--accel", paramLabel = "ACCEL", scope = ScopeType.INHERIT,
            description = "QEMU accelerator: auto (kvm if the CPU has vmx/svm, else tcg), tcg or kvm. "
                    + "Default: auto.")
    String accelerator;

    @Option(names = "-S", scope = ScopeType.INHERIT,
            description = "Wire guest memory (bhyve's VM_MEM_F_WIRED; ignored by qemu).")
    boolean wired;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show diagnostics, the QEMU command line, and stack traces on errors.")
    boolean debug;

    /** A {@link VmConfig} from these options; {@code defaultMemory} applies when -M is absent. */
    public VmConfig config(String name, long defaultMemory) throws UsageException {
        Set<MemoryFlag> flags = wired ? EnumSet.of(MemoryFlag.WIRED) : EnumSet.noneOf(MemoryFlag.class);
        return new VmConfig(name, memory != null ? memory : defaultMemory, flags, ConsoleTarget.of(console), dumpDir,
                accelerator(), debug ? s -> System.err.println("jgrub: " + s) : null, vmmapiLibrary);
    }

    Accelerator accelerator() throws UsageException {
        if (accelerator == null) {
            return Accelerator.AUTO;
        }
        for (Accelerator a : Accelerator.values()) {
            if (a.qemuName().equals(accelerator)) {
                return a;
            }
        }
        throw new UsageException("unknown accelerator '" + accelerator + "' (use auto, tcg or kvm)");
    }

    /** Parses -M with {@link MemorySize}. */
    public static final class MemoryConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return MemorySize.parse(value);
            } catch (UsageException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
