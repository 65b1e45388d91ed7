package org.jgrub.core.vmm.bhyve;

import static org.jgrub.core.memory.MemoryLayout.MIB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.UnsupportedFeatureException;
import org.jgrub.core.host.RamFile;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.MemoryLayout;
import org.jgrub.core.memory.NativeGuestMemory;
import org.jgrub.core.testing.HostTools;
import org.jgrub.core.vmm.Accelerator;
import org.jgrub.core.vmm.ConsoleTarget;
import org.jgrub.core.vmm.MemoryFlag;
import org.jgrub.core.vmm.Vm;
import org.jgrub.core.vmm.VmBackends;
import org.jgrub.core.vmm.VmConfig;
import org.jgrub.core.vmm.qemu.QemuRunner;
import org.jgrub.core.x86.ModeSwitcher;
import org.jgrub.core.x86.PageTables;
import org.jgrub.core.x86.Register;
import org.jgrub.core.x86.VcpuState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bhyve backend against the stand-in libvmmapi ({@code src/test/c/vmmapi_standin.c}) of both
 * API generations: the calls it makes (checked against FreeBSD's numbers, as in
 * {@code shared/reference/bhyve.md}), the memory it fills (run on QEMU from the recorded calls),
 * and its error paths.
 */
class BhyveBackendTest {
    /** The seed demo's program (cli SeedDemo): {@code mov $'*',%al; mov $0x3f8,%edx; out; jmp .-1}. */
    static final byte[] STARS = {(byte) 0xb0, 0x2a, (byte) 0xba, (byte) 0xf8, 0x03, 0x00, 0x00, (byte) 0xee,
        (byte) 0xeb, (byte) 0xfd};
    /** QemuBackendTest.PRINT_AND_RESET: prints the string at 0x100040 to COM1, then resets through port 0x64. */
    static final byte[] PRINT_AND_RESET = {
        (byte) 0xbe, 0x40, 0x00, 0x10, 0x00, 0x66, (byte) 0xba, (byte) 0xf8, 0x03, (byte) 0xac, (byte) 0x84,
        (byte) 0xc0, 0x74, 0x03, (byte) 0xee, (byte) 0xeb, (byte) 0xf8, (byte) 0xb0, (byte) 0xfe, (byte) 0xe6, 0x64,
        (byte) 0xf4, (byte) 0xeb, (byte) 0xfd};
    static final String MARKER = "jgrub-bhyve-pm32-ok";

    @TempDir
    Path dir;

    @AfterEach
    void clearEnvironment() {
        StandinLibvmmapi.set("VMMAPI_STANDIN_FAIL", null);
        StandinLibvmmapi.set("VMMAPI_STANDIN_LOWMEM_LIMIT", null);
    }

    private Path vmDir() {
        return dir.resolve("vm");
    }

    private VmConfig config(Path library, String name, long memory) {
        return VmConfig.of(name, memory).withVmmapiLibrary(library).withDebug(System.err::println);
    }

    private Path standin(String version, String... defines) throws Exception {
        Path lib = StandinLibvmmapi.compile(dir.resolve("lib" + version + String.join("", defines)), version, defines);
        StandinLibvmmapi.use(vmDir());
        return lib;
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0103", "0200"})
    void seedDemoIsSetUpAsBhyveloadWouldAndRunsFromTheRecordedCalls(String version) throws Exception {
        Path lib = standin(version);
        VcpuState state;
        try (Vm vm = new BhyveBackend().create(config(lib, "demo", 128 * MIB))) {
            PageTables.firstGibEverywhere(GuestAddress.of(0x2000), GuestAddress.of(0x3000), GuestAddress.of(0x4000))
                    .write(vm.memory());
            ModeSwitcher.LONG_MODE_GDT.write(vm.memory(), GuestAddress.of(0x5000));
            vm.memory().write(GuestAddress.of(0x10000), STARS);
            state = ModeSwitcher.longMode64(GuestAddress.of(0x10000), GuestAddress.of(0x6000), GuestAddress.of(0x2000),
                    GuestAddress.of(0x5000)).build();
            assertEquals(0, vm.handoff(state));
        }
        List<String> expected = new ArrayList<>(List.of("vm_create demo", "vm_open demo"));
        if (version.equals("0200")) {
            expected.add("vm_vcpu_open 0");
        }
        expected.addAll(List.of(
                "vm_setup_memory 0x8000000 1", // VM_MMAP_ALL
                "vm_get_lowmem_limit 0xc0000000",
                "vm_map_gpa 0x0 0x8000000",
                // segments in enum vm_reg_name order: ES 22, CS 23, SS 24, DS 25, FS 26, GS 27, LDTR 28, TR 29
                "vm_set_desc 0 22 0x0 0x0 0x93", "vm_set_register 0 22 0x10",
                "vm_set_desc 0 23 0x0 0x0 0x209b", "vm_set_register 0 23 0x8",
                "vm_set_desc 0 24 0x0 0x0 0x93", "vm_set_register 0 24 0x10",
                "vm_set_desc 0 25 0x0 0x0 0x93", "vm_set_register 0 25 0x10",
                "vm_set_desc 0 26 0x0 0x0 0x93", "vm_set_register 0 26 0x10",
                "vm_set_desc 0 27 0x0 0x0 0x93", "vm_set_register 0 27 0x10",
                "vm_set_desc 0 28 0x0 0x0 0x10000", "vm_set_register 0 28 0x0",
                "vm_set_desc 0 29 0x0 0x0 0x8b", "vm_set_register 0 29 0x0",
                "vm_set_desc 0 31 0x5000 0x17 0x0", // GDTR (gdt, 3*8-1)
                "vm_set_register 0 15 0x80000021", // CR0 = PG|NE|PE
                "vm_set_register 0 17 0x20", // CR4 = PAE
                "vm_set_register 0 32 0x500", // EFER = LMA|LME
                "vm_set_register 0 16 0x2000", // CR3
                "vm_set_register 0 19 0x6000", // RSP
                "vm_set_register 0 21 0x2", // RFLAGS
                "vm_set_register 0 20 0x10000")); // RIP last
        List<String> calls = StandinLibvmmapi.calls(vmDir());
        assertEquals(expected, calls);
        assertEquals(state, StandinLibvmmapi.recordedState(calls), "the recorded calls give back the state");

        Path ram = vmDir().resolve("guest-ram.img");
        try (RandomAccessFile f = new RandomAccessFile(ram.toFile(), "r")) {
            byte[] program = new byte[STARS.length];
            f.seek(0x10000);
            f.readFully(program);
            assertArrayEquals(STARS, program, "guest RAM holds the program at its guest address");
        }
        String console = runOnQemu(ram, MemoryLayout.bhyve(128 * MIB), StandinLibvmmapi.recordedState(calls), 300);
        assertTrue(console.chars().filter(c -> c == '*').count() >= 300, console);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0103", "0200"})
    void protectedModeEntryEnablesUnrestrictedGuestAndRuns(String version) throws Exception {
        Path lib = standin(version);
        VcpuState state;
        try (Vm vm = new BhyveBackend().create(config(lib, "pm32", 32 * MIB))) {
            ModeSwitcher.PROTECTED_MODE_GDT.write(vm.memory(), GuestAddress.of(0x1000));
            vm.memory().write(GuestAddress.of(0x100000), PRINT_AND_RESET);
            vm.memory().write(GuestAddress.of(0x100040), (MARKER + "\n\0").getBytes(StandardCharsets.US_ASCII));
            state = ModeSwitcher.protectedMode32(GuestAddress.of(0x100000), GuestAddress.of(0x1000))
                    .set(Register.RSI, 0x90000).build();
            assertEquals(0, vm.handoff(state));
        }
        List<String> calls = StandinLibvmmapi.calls(vmDir());
        int get = calls.indexOf("vm_get_capability 0 3");
        int set = calls.indexOf("vm_set_capability 0 3 1");
        int firstDesc = calls.indexOf(calls.stream().filter(c -> c.startsWith("vm_set_desc")).findFirst().orElseThrow());
        assertTrue(get >= 0 && set == get + 1 && set < firstDesc, "VM_CAP_UNRESTRICTED_GUEST (3) first: " + calls);
        assertTrue(calls.contains("vm_set_desc 0 23 0x0 0xffffffff 0xc09b"), calls.toString());
        assertTrue(calls.contains("vm_set_desc 0 29 0x1000 0x67 0x8b"), calls.toString());
        assertTrue(calls.contains("vm_set_register 0 15 0x1"), "CR0 = PE: " + calls);
        assertEquals("vm_set_register 0 20 0x100000", calls.get(calls.size() - 1));
        VcpuState recorded = StandinLibvmmapi.recordedState(calls);
        assertEquals(state, recorded);
        String console = runOnQemu(vmDir().resolve("guest-ram.img"), MemoryLayout.bhyve(32 * MIB), recorded, -1);
        assertEquals(MARKER + "\n", console);
    }

    /**
     * Runs {@code state} on QEMU (TCG) over a private mapping of {@code ram}; with {@code stars} >= 0
     * stops QEMU once that many '*' arrived, else waits for the guest to end QEMU. Returns COM1's output.
     */
    private String runOnQemu(Path ram, MemoryLayout layout, VcpuState state, int stars) throws Exception {
        HostTools.qemu();
        Path scratch = Files.createDirectories(dir.resolve("qemu"));
        Path console = scratch.resolve("com1.txt");
        AtomicReference<Object> result = new AtomicReference<>();
        try (NativeGuestMemory m = RamFile.open(ram, layout, NativeGuestMemory.Access.READ_ONLY)) {
            QemuRunner runner = new QemuRunner(ram, QemuRunner.Sharing.PRIVATE, m, scratch, ConsoleTarget.of(console),
                    Accelerator.TCG, s -> { });
            Thread t = new Thread(() -> {
                try {
                    result.set(runner.run(state));
                } catch (JgrubException e) {
                    result.set(e);
                }
            }, "qemu");
            t.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (t.isAlive() && System.nanoTime() < deadline) {
                if (stars >= 0 && Files.exists(console)
                        && Files.readString(console).chars().filter(c -> c == '*').count() >= stars) {
                    break;
                }
                Thread.sleep(100);
            }
            if (t.isAlive()) {
                t.interrupt(); // QemuRunner stops QEMU
            }
            t.join(20_000);
            assertFalse(t.isAlive(), "QEMU did not stop");
        }
        if (stars < 0) {
            assertEquals(0, result.get(), "QEMU's status after the guest's reset");
        }
        return Files.exists(console) ? Files.readString(console) : "";
    }

    @Test
    void withoutUnrestrictedGuestTheProtectedModeEntryIsRefusedAndTheVmDestroyed() throws Exception {
        Path lib = standin("0200");
        StandinLibvmmapi.set("VMMAPI_STANDIN_FAIL", "vm_get_capability:EINVAL");
        try (Vm vm = new BhyveBackend().create(config(lib, "nug", 32 * MIB))) {
            VcpuState state = ModeSwitcher.protectedMode32(GuestAddress.of(0x100000), GuestAddress.of(0x1000)).build();
            String m = assertThrows(UnsupportedFeatureException.class, () -> vm.handoff(state)).getMessage();
            assertTrue(m.startsWith("VM unrestricted guest capability required"), m);
            assertTrue(m.endsWith("VM nug, created by jgrub, was destroyed"), m);
            assertOneLine(m);
        }
        List<String> calls = StandinLibvmmapi.calls(vmDir());
        assertEquals("vm_destroy nug", calls.get(calls.size() - 1), calls.toString());
        assertEquals(1, calls.stream().filter(c -> c.startsWith("vm_destroy")).count(), "destroyed once");
        assertFalse(Files.exists(vmDir().resolve("vm-nug")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0103", "0200"})
    void outOfMemoryDestroysTheVmJgrubCreated(String version) throws Exception {
        Path lib = standin(version);
        StandinLibvmmapi.set("VMMAPI_STANDIN_FAIL", "vm_setup_memory:ENOMEM");
        String m = assertThrows(JgrubException.class, () -> new BhyveBackend().create(config(lib, "big", 64 * MIB)))
                .getMessage();
        assertEquals("cannot set up 64 MiB of memory for VM big: errno 12 (ENOMEM); VM big, created by jgrub, "
                + "was destroyed", m);
        List<String> calls = StandinLibvmmapi.calls(vmDir());
        assertEquals("vm_destroy big", calls.get(calls.size() - 1));
        assertFalse(Files.exists(vmDir().resolve("vm-big")));
    }

    @Test
    void anExistingVmIsReinitialisedAndReusedWithItsSizeButNotWithAnother() throws Exception {
        Path lib = standin("0200");
        try (Vm vm = new BhyveBackend().create(config(lib, "again", 64 * MIB))) {
            vm.handoff(ModeSwitcher.longMode64(GuestAddress.of(0x10000), GuestAddress.of(0x6000),
                    GuestAddress.of(0x2000), GuestAddress.of(0x5000)).build());
        }
        assertFalse(StandinLibvmmapi.calls(vmDir()).contains("vm_destroy again"), "a handed-off VM is left to bhyve");
        Files.delete(vmDir().resolve("calls.log"));

        try (Vm vm = new BhyveBackend().create(config(lib, "again", 64 * MIB))) {
            assertEquals(64 * MIB, vm.memory().layout().memorySize());
        }
        assertEquals(List.of("vm_create again", "vm_open again", "vm_reinit again", "vm_vcpu_open 0",
                "vm_setup_memory 0x4000000 1", "vm_get_lowmem_limit 0xc0000000", "vm_map_gpa 0x0 0x4000000"),
                StandinLibvmmapi.calls(vmDir()), "an existing VM is reused, and closing without handoff leaves it");
        Files.delete(vmDir().resolve("calls.log"));

        String m = assertThrows(JgrubException.class, () -> new BhyveBackend().create(config(lib, "again", 128 * MIB)))
                .getMessage();
        assertEquals("VM again exists with a memory size other than 128 MiB (vm_setup_memory: errno 22 (EINVAL)); "
                + "destroy it first (bhyvectl --destroy --vm=again) or give its size with -M; VM again existed before "
                + "and is left reinitialised", m);
        assertFalse(StandinLibvmmapi.calls(vmDir()).stream().anyMatch(c -> c.startsWith("vm_destroy")));
        assertTrue(Files.exists(vmDir().resolve("vm-again")));
    }

    @Test
    void vmCreateFailureOtherThanEexistIsReportedAndNothingIsDestroyed() throws Exception {
        Path lib = standin("0103");
        StandinLibvmmapi.set("VMMAPI_STANDIN_FAIL", "vm_create:EPERM");
        String m = assertThrows(JgrubException.class, () -> new BhyveBackend().create(config(lib, "x", 32 * MIB)))
                .getMessage();
        assertEquals("cannot create VM x: errno 1 (EPERM)", m);
        assertEquals(List.of("vm_create x"), StandinLibvmmapi.calls(vmDir()));
    }

    @Test
    void vmMapGpaReturningNullDestroysTheVm() throws Exception {
        Path lib = standin("0200");
        StandinLibvmmapi.set("VMMAPI_STANDIN_FAIL", "vm_map_gpa:NULL");
        String m = assertThrows(JgrubException.class, () -> new BhyveBackend().create(config(lib, "nomap", 32 * MIB)))
                .getMessage();
        assertEquals("vm_map_gpa(0x0, 0x2000000) returned NULL for VM nomap; VM nomap, created by jgrub, was destroyed",
                m);
        List<String> calls = StandinLibvmmapi.calls(vmDir());
        assertEquals("vm_destroy nomap", calls.get(calls.size() - 1));
    }

    @Test
    void aLibraryWithoutVmMapGpaIsRefusedBeforeAnyVmExists() throws Exception {
        Path lib = standin("0200", "STANDIN_NO_MAP_GPA");
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> new BhyveBackend().create(config(lib, "sym", 32 * MIB)));
        assertEquals("libvmmapi " + lib + " lacks vm_map_gpa: it is not a usable libvmmapi", e.getMessage());
        assertEquals(List.of(), StandinLibvmmapi.calls(vmDir()));
    }

    @Test
    void aMissingLibraryIsAOneLineError() throws Exception {
        Path missing = dir.resolve("no/libvmmapi.so");
        String m = assertThrows(UnsupportedFeatureException.class,
                () -> new BhyveBackend().create(config(missing, "m", 32 * MIB))).getMessage();
        assertTrue(m.startsWith("cannot load libvmmapi " + missing), m);
        assertOneLine(m);
    }

    @Test
    void highMemoryLiesAtFourGibAndAfterLowMemoryInTheFile() throws Exception {
        Path lib = standin("0103");
        StandinLibvmmapi.set("VMMAPI_STANDIN_LOWMEM_LIMIT", "0x4000000"); // 64 MiB, to keep the file small
        try (Vm vm = new BhyveBackend().create(config(lib, "high", 96 * MIB).withFlags(Set.of(MemoryFlag.WIRED)))) {
            assertEquals(new MemoryLayout(96 * MIB, 64 * MIB), vm.memory().layout());
            vm.memory().writeU64(GuestAddress.of(4 * MemoryLayout.GIB + 8), 0x1122334455667788L);
            vm.memory().writeU64(GuestAddress.of(64 * MIB - 8), 0x0102030405060708L);
        }
        List<String> calls = StandinLibvmmapi.calls(vmDir());
        assertEquals(List.of("vm_create high", "vm_open high", "vm_set_memflags 0x2", "vm_setup_memory 0x6000000 1",
                "vm_get_lowmem_limit 0x4000000", "vm_map_gpa 0x0 0x4000000", "vm_map_gpa 0x100000000 0x2000000",
                "vm_destroy high"), calls, "-S wires memory; closing without handoff destroys a created VM");
        try (NativeGuestMemory m = RamFile.open(vmDir().resolve("guest-ram.img"), new MemoryLayout(96 * MIB, 64 * MIB),
                NativeGuestMemory.Access.READ_ONLY)) {
            assertEquals(0x1122334455667788L, m.readU64(GuestAddress.of(4 * MemoryLayout.GIB + 8)));
            assertEquals(0x0102030405060708L, m.readU64(GuestAddress.of(64 * MIB - 8)));
        }
    }

    @Test
    void theBackendIsRegisteredAndDefaultOnlyOnFreeBsd() throws Exception {
        assertInstanceOf(BhyveBackend.class, VmBackends.find("bhyve"));
        assertEquals(System.getProperty("os.name").startsWith("FreeBSD"), new BhyveBackend().isDefaultOnThisHost());
    }

    @Test
    void aStateWithoutUnrestrictedGuestNeedDoesNotAskForIt() throws Exception {
        Path lib = standin("0103");
        try (Vm vm = new BhyveBackend().create(config(lib, "lm", 32 * MIB))) {
            vm.handoff(ModeSwitcher.linuxLongMode64(GuestAddress.of(0x100200), GuestAddress.of(0x8000),
                    GuestAddress.of(0x2000), GuestAddress.of(0x5000)).build());
        }
        assertFalse(StandinLibvmmapi.calls(vmDir()).stream().anyMatch(c -> c.contains("capability")));
    }

    private static void assertOneLine(String m) {
        assertFalse(m.contains("\n"), m);
    }
}
