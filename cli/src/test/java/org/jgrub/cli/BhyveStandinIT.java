package org.jgrub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jgrub.core.memory.MemoryLayout;
import org.jgrub.core.testing.HostTools;
import org.jgrub.core.vmm.bhyve.StandinLibvmmapi;
import org.jgrub.core.vmm.dump.StateFile;
import org.jgrub.core.x86.Register;
import org.jgrub.core.x86.VcpuState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --vmm bhyve} as a user runs it, against the stand-in libvmmapi compiled from C: the
 * library records guest memory and every register call; the recorded state is then written as a
 * dump and executed on QEMU by {@code jgrub exec-state}, as bhyve(8) would run what a loader left.
 */
class BhyveStandinIT {
    private static final Path LAUNCHER = Paths.get(System.getProperty("user.dir")).getParent().resolve("jgrub");

    @TempDir
    static Path dir;
    static Path library;

    @BeforeAll
    static void library() throws Exception {
        HostTools.qemu();
        library = StandinLibvmmapi.compile(dir.resolve("lib"), "0200");
    }

    static Process start(Path vmDir, Path stdout, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("stderr.txt").toFile()));
        pb.environment().putAll(Map.of("VMMAPI_STANDIN_DIR", vmDir.toString()));
        return pb.start();
    }

    /** Writes the recorded calls as a dump state next to the stand-in's guest-ram.img. */
    static VcpuState recordAsDump(Path vmDir, long memory) throws Exception {
        VcpuState state = StandinLibvmmapi.recordedState(StandinLibvmmapi.calls(vmDir));
        StateFile.write(vmDir.resolve(StateFile.NAME), new StateFile.Contents(MemoryLayout.bhyve(memory),
                "guest-ram.img", state));
        return state;
    }

    @Test
    void demoThroughTheStandInRunsOnQemu() throws Exception {
        Path vm = Files.createDirectories(dir.resolve("demo-vm"));
        Process p = start(vm, dir.resolve("out.txt"), "demo", "--vmm", "bhyve", "--vmmapi-library", library.toString());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("stderr.txt")));
        List<String> calls = StandinLibvmmapi.calls(vm);
        assertEquals("vm_create demo", calls.get(0));
        assertTrue(calls.get(calls.size() - 1).startsWith("vm_set_register "), calls.toString());
        VcpuState state = recordAsDump(vm, 128L << 20);
        assertEquals(0x10000L, state.valueOr(Register.RIP, -1));
        Path console = dir.resolve("demo-console.txt");
        Process x = start(vm, dir.resolve("x.txt"), "exec-state", vm.toString(), "-c", console.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long stars = 0;
        while (stars < 1000 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            stars = Files.exists(console) ? Files.readString(console).chars().filter(c -> c == '*').count() : 0;
        }
        x.destroy();
        assertTrue(x.waitFor(20, TimeUnit.SECONDS));
        assertTrue(stars >= 1000, "only " + stars + " '*' within 30 s");
    }

    @Test
    void debianGuestThroughTheStandInBootsOnQemu() throws Exception {
        Path disk = LinuxGuestDisk.build(Files.createDirectories(dir.resolve("debian")));
        Path vm = Files.createDirectories(dir.resolve("linux-vm"));
        Process p = start(vm, dir.resolve("out2.txt"), "-d", disk.toString(), "-M", "512M", "--vmm", "bhyve",
                "--vmmapi-library", library.toString(), "--entry", "0", "guest");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("stderr.txt")));
        List<String> calls = StandinLibvmmapi.calls(vm);
        assertTrue(calls.contains("vm_set_capability 0 3 1"), "the 32-bit entry asks for unrestricted guest: " + calls);
        recordAsDump(vm, 512L << 20);
        Path console = dir.resolve("linux-console.txt");
        Process x = start(vm, dir.resolve("x2.txt"), "exec-state", vm.toString(), "-c", console.toString());
        assertTrue(x.waitFor(300, TimeUnit.SECONDS), "the guest did not reset within 300 s");
        assertEquals(0, x.exitValue());
        String out = Files.readString(console);
        assertTrue(out.contains(LinuxGuestDisk.MARKER), out.substring(Math.max(0, out.length() - 2000)));
    }
}
