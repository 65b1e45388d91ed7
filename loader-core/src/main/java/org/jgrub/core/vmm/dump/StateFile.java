package org.jgrub.core.vmm.dump;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.host.HostErrors;
import org.jgrub.core.memory.MemoryLayout;
import org.jgrub.core.x86.AccessRights;
import org.jgrub.core.x86.DescriptorTable;
import org.jgrub.core.x86.Register;
import org.jgrub.core.x86.Segment;
import org.jgrub.core.x86.VcpuState;

/**
 * The human-readable vCPU state file of a dump ({@code vcpu-state.txt}); the format is described
 * in {@code docs/dump-format.md}. One item per line, numbers in hexadecimal, {@code #} comments:
 * <pre>
 * format 1
 * memory-size 0x8000000
 * lowmem-limit 0xc0000000
 * ram-file guest-ram.img
 * RIP 0x10000                       register value
 * CS 0x8 0x0 0x0 0x209b             segment selector base limit access
 * GDTR 0x5000 0x17                  table base limit
 * </pre>
 */
public final class StateFile {
    public static final String NAME = "vcpu-state.txt";
    public static final int FORMAT = 1;

    /** What a state file describes: the memory layout, the RAM file's name and the vCPU state. */
    public record Contents(MemoryLayout layout, String ramFile, VcpuState state) {}

    private StateFile() {}

    public static String format(Contents c) {
        StringBuilder b = new StringBuilder();
        b.append("# jgrub vCPU state; see docs/dump-format.md. Numbers are hexadecimal.\n");
        b.append("format ").append(FORMAT).append('\n');
        b.append("memory-size ").append(hex(c.layout().memorySize())).append('\n');
        b.append("lowmem-limit ").append(hex(c.layout().lowmemLimit())).append('\n');
        b.append("ram-file ").append(c.ramFile()).append('\n');
        b.append("# register value\n");
        for (Map.Entry<Register, Long> e : c.state().registers().entrySet()) {
            b.append(e.getKey()).append(' ').append(hex(e.getValue())).append('\n');
        }
        b.append("# segment selector base limit access (VMCS access rights, as vm_set_desc takes them)\n");
        for (Map.Entry<Register, Segment> e : c.state().segments().entrySet()) {
            Segment s = e.getValue();
            b.append(String.format("%-4s %s %s %s %s   # %s%n", e.getKey(), hex(s.selector()), hex(s.base()),
                    hex(s.limit()), hex(s.access()), AccessRights.describe(s.access())));
        }
        b.append("# table base limit\n");
        for (Map.Entry<Register, DescriptorTable> e : c.state().tables().entrySet()) {
            b.append(e.getKey()).append(' ').append(hex(e.getValue().base())).append(' ')
                    .append(hex(e.getValue().limit())).append('\n');
        }
        return b.toString();
    }

    public static void write(Path file, Contents c) throws UsageException {
        try {
            Files.writeString(file, format(c), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + HostErrors.reason(e), e);
        }
    }

    public static Contents read(Path file) throws UsageException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file (is this a jgrub dump directory?)");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + HostErrors.reason(e), e);
        }
        return parse(file.toString(), lines);
    }

    static Contents parse(String name, List<String> lines) throws UsageException {
        Long size = null;
        Long lowmem = null;
        String ram = null;
        boolean formatSeen = false;
        VcpuState.Builder state = VcpuState.builder();
        for (int i = 0; i < lines.size(); i++) {
            String where = name + ":" + (i + 1) + ": ";
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String[] f = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (f.length == 1 && f[0].isEmpty()) {
                continue;
            }
            try {
                switch (f[0]) {
                    case "format" -> {
                        arity(f, 2);
                        if (!f[1].equals(Integer.toString(FORMAT))) {
                            throw new UsageException(where + "unknown format " + f[1]);
                        }
                        formatSeen = true;
                    }
                    case "memory-size" -> size = number(f, 2);
                    case "lowmem-limit" -> lowmem = number(f, 2);
                    case "ram-file" -> {
                        arity(f, 2);
                        if (f[1].contains("/")) {
                            throw new UsageException(where + "ram-file must name a file in the same directory");
                        }
                        ram = f[1];
                    }
                    default -> register(f, state);
                }
            } catch (UsageException e) {
                throw e.getMessage().startsWith(name) ? e : new UsageException(where + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new UsageException(where + e.getMessage());
            }
        }
        if (!formatSeen || size == null || lowmem == null || ram == null) {
            throw new UsageException(name + ": missing one of format, memory-size, lowmem-limit, ram-file");
        }
        try {
            return new Contents(new MemoryLayout(size, lowmem), ram, state.build());
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
        }
    }

    private static void register(String[] f, VcpuState.Builder state) throws UsageException {
        Register r;
        try {
            r = Register.valueOf(f[0]);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown item '" + f[0] + "'");
        }
        switch (r.kind()) {
            case SEGMENT -> {
                arity(f, 5);
                state.segment(r, Segment.of((int) hex(f[1]), hex(f[2]), hex(f[3]), (int) hex(f[4])));
            }
            case TABLE -> {
                arity(f, 3);
                state.table(r, new DescriptorTable(hex(f[1]), (int) hex(f[2])));
            }
            default -> state.set(r, number(f, 2));
        }
    }

    private static long number(String[] f, int n) throws UsageException {
        arity(f, n);
        return hex(f[1]);
    }

    private static void arity(String[] f, int n) throws UsageException {
        if (f.length != n) {
            throw new UsageException("'" + f[0] + "' takes " + (n - 1) + " value(s), found " + (f.length - 1));
        }
    }

    private static long hex(String s) throws UsageException {
        if (!s.startsWith("0x") || s.length() < 3 || s.length() > 18) {
            throw new UsageException("'" + s + "' is not a hexadecimal number like 0x1f");
        }
        try {
            return Long.parseUnsignedLong(s.substring(2), 16);
        } catch (NumberFormatException e) {
            throw new UsageException("'" + s + "' is not a hexadecimal number like 0x1f");
        }
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
