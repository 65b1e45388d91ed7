package org.jgrub.core.vmm.bhyve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jgrub.core.testing.HostTools;
import org.jgrub.core.x86.DescriptorTable;
import org.jgrub.core.x86.Register;
import org.jgrub.core.x86.Segment;
import org.jgrub.core.x86.VcpuState;

/**
 * The stand-in libvmmapi of {@code src/test/c/vmmapi_standin.c}: compiled with gcc for either
 * API generation, steered through the process environment (set with libc's {@code setenv}, which
 * the library's {@code getenv} sees), and its {@code calls.log} read back.
 */
public final class StandinLibvmmapi {
    private StandinLibvmmapi() {}

    /** libc's environment calls: the stand-in reads its settings with getenv. */
    interface Env extends Library {
        Env LIBC = Native.load("c", Env.class);

        int setenv(String name, String value, int overwrite);

        int unsetenv(String name);
    }

    static Path source() {
        Path p = HostTools.repositoryRoot().resolve("loader-core/src/test/c/vmmapi_standin.c");
        return Files.isRegularFile(p) ? p : fail("missing " + p);
    }

    /** Compiles the stand-in as {@code dir/libvmmapi.so} for {@code version} (0103 or 0200), with extra -D flags. */
    public static Path compile(Path dir, String version, String... defines) throws IOException, InterruptedException {
        Path gcc = HostTools.require("gcc", "gcc");
        Files.createDirectories(dir);
        Path out = dir.resolve("libvmmapi.so");
        List<String> cmd = new ArrayList<>(List.of(gcc.toString(), "-Wall", "-Werror", "-shared", "-fPIC",
                "-DVMMAPI_VERSION=" + version));
        for (String d : defines) {
            cmd.add("-D" + d);
        }
        cmd.addAll(List.of("-o", out.toString(), source().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "gcc failed: " + output);
        return out;
    }

    /** Points the stand-in at {@code dir} and clears any failure injection. */
    static void use(Path dir) throws IOException {
        Files.createDirectories(dir);
        set("VMMAPI_STANDIN_DIR", dir.toString());
        set("VMMAPI_STANDIN_FAIL", null);
        set("VMMAPI_STANDIN_LOWMEM_LIMIT", null);
    }

    static void set(String name, String value) {
        if (value == null) {
            Env.LIBC.unsetenv(name);
        } else {
            Env.LIBC.setenv(name, value, 1);
        }
    }

    public static List<String> calls(Path dir) throws IOException {
        Path log = dir.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** The vCPU state the recorded vm_set_register/vm_set_desc calls leave. */
    public static VcpuState recordedState(List<String> calls) {
        Map<Register, Long> selectors = new EnumMap<>(Register.class);
        Map<Register, long[]> descs = new EnumMap<>(Register.class);
        VcpuState.Builder b = VcpuState.builder();
        for (String line : calls) {
            String[] f = line.split(" ");
            if (f[0].equals("vm_set_register")) {
                Register r = Register.ofNumber(Integer.parseInt(f[2]));
                long v = Long.parseUnsignedLong(f[3].substring(2), 16);
                if (r.kind() == Register.Kind.SEGMENT) {
                    selectors.put(r, v);
                } else {
                    b.set(r, v);
                }
            } else if (f[0].equals("vm_set_desc")) {
                Register r = Register.ofNumber(Integer.parseInt(f[2]));
                descs.put(r, new long[] {Long.parseUnsignedLong(f[3].substring(2), 16),
                    Long.parseLong(f[4].substring(2), 16), Long.parseLong(f[5].substring(2), 16)});
            }
        }
        for (Map.Entry<Register, long[]> e : descs.entrySet()) {
            long[] d = e.getValue();
            if (e.getKey().kind() == Register.Kind.TABLE) {
                b.table(e.getKey(), new DescriptorTable(d[0], (int) d[1]));
            } else {
                long sel = selectors.getOrDefault(e.getKey(), 0L);
                b.segment(e.getKey(), Segment.of((int) sel, d[0], d[1], (int) d[2]));
            }
        }
        return b.build();
    }
}
