package org.jgrub.core.vmm.qemu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.UnsupportedFeatureException;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.host.HostErrors;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.GuestMemory;
import org.jgrub.core.memory.MemoryLayout;
import org.jgrub.core.vmm.Accelerator;
import org.jgrub.core.vmm.ConsoleTarget;
import org.jgrub.core.x86.VcpuState;

/**
 * Runs a prepared guest in QEMU: guest RAM is the given file (QEMU's
 * {@code memory-backend-file}), the registers arrive through a {@link ResetRom} given as
 * {@code -bios}, COM1 goes to the terminal or {@code -c DEVICE}. jgrub waits for QEMU and returns
 * its exit status; SIGINT/SIGTERM to jgrub stop QEMU first.
 */
public final class QemuRunner {
    /** Below 1 MiB QEMU's pc machine shows VGA memory and option/BIOS ROMs, not RAM. */
    static final GuestAddress LEGACY_HOLE = GuestAddress.of(0xA0000);
    static final long LEGACY_HOLE_SIZE = 0x100000 - 0xA0000;
    private static final String RAM_ID = "jgrub-ram";

    /** How QEMU maps the RAM file: shared (writes reach the file) or private (the file stays as it is). */
    public enum Sharing { SHARED, PRIVATE }

    private final Path ramFile;
    private final Sharing sharing;
    private final GuestMemory memory;
    private final Path scratch;
    private final ConsoleTarget console;
    private final Accelerator accelerator;
    private final Consumer<String> debug;

    /**
     * @param ramFile  the file holding guest RAM in {@link MemoryLayout#fileOffset} order
     * @param memory   the same RAM, mapped for jgrub (read to check the state; never written here)
     * @param scratch  a directory for the ROM image
     */
    public QemuRunner(Path ramFile, Sharing sharing, GuestMemory memory, Path scratch, ConsoleTarget console,
                      Accelerator accelerator, Consumer<String> debug) {
        this.ramFile = ramFile;
        this.sharing = sharing;
        this.memory = memory;
        this.scratch = scratch;
        this.console = console;
        this.accelerator = accelerator.resolve();
        this.debug = debug;
    }

    public int run(VcpuState state) throws JgrubException {
        Path qemu = QemuBinary.locate();
        checkLegacyHole();
        ResetRom rom = ResetRom.build(state, memory);
        rom.notes().forEach(n -> debug.accept("qemu: " + n));
        Path romFile = scratch.resolve("reset.rom");
        try {
            Files.write(romFile, rom.image());
        } catch (IOException e) {
            throw new UsageException("cannot write " + romFile + ": " + HostErrors.reason(e), e);
        }
        List<String> command = command(qemu, romFile);
        debug.accept("qemu: " + String.join(" ", command));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UsageException("cannot start " + qemu + ": " + HostErrors.reason(e), e);
        }
        Thread stopper = new Thread(() -> stop(process), "jgrub-stop-qemu");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            throw new JgrubException("interrupted while QEMU was running");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    /** SIGTERM, a grace period, then SIGKILL. */
    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    /**
     * Data placed in {@code [0xA0000, 0x100000)} would be invisible under QEMU (bhyve shows RAM
     * there); the e820 map says it is not RAM anyway, so anything there is refused, not lost.
     */
    private void checkLegacyHole() throws JgrubException {
        if (memory.layout().lowmemSize() < LEGACY_HOLE.value() + LEGACY_HOLE_SIZE) {
            return;
        }
        ByteBuffer hole = memory.window(LEGACY_HOLE, (int) LEGACY_HOLE_SIZE);
        while (hole.remaining() >= 8) {
            if (hole.getLong() != 0) {
                long at = LEGACY_HOLE.value() + hole.position() - 8;
                throw new UnsupportedFeatureException(String.format("guest memory at 0x%x holds data, but QEMU's pc"
                        + " machine shows VGA and BIOS windows, not RAM, at 0xa0000-0xfffff", at));
            }
        }
    }

    List<String> command(Path qemu, Path romFile) {
        MemoryLayout layout = memory.layout();
        List<String> c = new ArrayList<>();
        c.add(qemu.toString());
        c.addAll(List.of("-nodefaults", "-no-user-config", "-no-reboot", "-display", "none"));
        c.addAll(List.of("-machine", "pc,accel=" + accelerator.qemuName() + ",memory-backend=" + RAM_ID
                + ",max-ram-below-4g=" + layout.lowmemLimit()));
        c.addAll(List.of("-cpu", accelerator == Accelerator.KVM ? "host" : "max"));
        c.addAll(List.of("-smp", "1", "-m", (layout.memorySize() / MemoryLayout.MIB) + "M"));
        c.addAll(List.of("-object", "memory-backend-file,id=" + RAM_ID + ",size=" + layout.memorySize()
                + ",mem-path=" + escape(ramFile.toString()) + ",share=" + (sharing == Sharing.SHARED ? "on" : "off")));
        c.addAll(List.of("-bios", romFile.toString()));
        c.addAll(List.of("-chardev", chardev(), "-serial", "chardev:com1"));
        return c;
    }

    private String chardev() {
        if (console.isStdio()) {
            return "stdio,id=com1";
        }
        Path device = console.device();
        boolean characterDevice = Files.exists(device) && !Files.isRegularFile(device) && !Files.isDirectory(device);
        return (characterDevice ? "serial" : "file") + ",id=com1,path=" + escape(device.toString());
    }

    /** QEMU option values separate keys with commas; a literal comma is written twice. */
    static String escape(String value) {
        return value.replace(",", ",,");
    }
}
