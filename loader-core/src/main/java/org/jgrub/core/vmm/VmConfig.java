package org.jgrub.core.vmm;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.jgrub.core.memory.MemoryLayout;

/**
 * What a backend needs to create a VM. Backend-specific settings are plain fields that other
 * backends ignore.
 *
 * @param name        the VM's name ({@code vm1}); bhyve's {@code /dev/vmm/NAME}
 * @param memorySize  guest RAM in bytes
 * @param flags       bhyve memory flags
 * @param console     where COM1 goes
 * @param dumpDir     the {@code dump} backend's output directory, or null
 * @param accelerator QEMU's accelerator
 * @param debug       receives diagnostics shown with {@code --debug}
 * @param vmmapiLibrary the {@code bhyve} backend's libvmmapi ({@code --vmmapi-library PATH}), or null for
 *                    the system's {@code libvmmapi}
 */
public record VmConfig(String name, long memorySize, Set<MemoryFlag> flags, ConsoleTarget console, Path dumpDir,
                       Accelerator accelerator, Consumer<String> debug, Path vmmapiLibrary) {
    public VmConfig {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        console = console == null ? ConsoleTarget.STDIO : console;
        accelerator = accelerator == null ? Accelerator.AUTO : accelerator;
        debug = debug == null ? s -> { } : debug;
    }

    /** The fields before {@code vmmapiLibrary}, with the system's libvmmapi. */
    public VmConfig(String name, long memorySize, Set<MemoryFlag> flags, ConsoleTarget console, Path dumpDir,
                    Accelerator accelerator, Consumer<String> debug) {
        this(name, memorySize, flags, console, dumpDir, accelerator, debug, null);
    }

    public static VmConfig of(String name, long memorySize) {
        return new VmConfig(name, memorySize, Set.of(), ConsoleTarget.STDIO, null, Accelerator.AUTO, null, null);
    }

    public MemoryLayout layout() {
        return MemoryLayout.bhyve(memorySize);
    }

    public VmConfig withConsole(ConsoleTarget c) {
        return new VmConfig(name, memorySize, flags, c, dumpDir, accelerator, debug, vmmapiLibrary);
    }

    public VmConfig withDumpDir(Path d) {
        return new VmConfig(name, memorySize, flags, console, d, accelerator, debug, vmmapiLibrary);
    }

    public VmConfig withAccelerator(Accelerator a) {
        return new VmConfig(name, memorySize, flags, console, dumpDir, a, debug, vmmapiLibrary);
    }

    public VmConfig withDebug(Consumer<String> d) {
        return new VmConfig(name, memorySize, flags, console, dumpDir, accelerator, d, vmmapiLibrary);
    }

    public VmConfig withVmmapiLibrary(Path library) {
        return new VmConfig(name, memorySize, flags, console, dumpDir, accelerator, debug, library);
    }

    public VmConfig withFlags(Set<MemoryFlag> f) {
        return new VmConfig(name, memorySize, f, console, dumpDir, accelerator, debug, vmmapiLibrary);
    }
}
