package org.jgrub.core.vmm.qemu;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Talks to QEMU's human monitor over a unix socket and reads the vCPU back with
 * {@code info registers}: QEMU's own view of the state, independent of the ROM that set it.
 * The output format is QEMU's {@code x86_cpu_dump_state} (target/i386/cpu-dump.c).
 */
final class QemuMonitor implements AutoCloseable {
    private static final Pattern VALUE = Pattern.compile("\\b([A-Z][A-Z0-9]{1,3}) ?=([0-9a-f]+)");
    private static final Pattern SEGMENT = Pattern.compile(
            "\\b(ES |CS |SS |DS |FS |GS |LDT|TR )=([0-9a-f]{4}) ([0-9a-f]+) ([0-9a-f]{8}) ([0-9a-f]{8})");
    private static final Pattern TABLE = Pattern.compile("\\b(GDT|IDT)= +([0-9a-f]+) ([0-9a-f]{8})");

    /** Segment as QEMU shows it: flags are the descriptor's high dword bits 8-23. */
    record Seg(int selector, long base, long limit, long flags) {
        /** The VMCS access-rights view of the flags: type/S/DPL/P and AVL/L/DB/G. */
        int access() {
            return (int) ((flags >>> 8) & 0xf0ff);
        }
    }

    record Registers(Map<String, Long> values, Map<String, Seg> segments, Map<String, long[]> tables, String text) {}

    private final SocketChannel channel;

    private QemuMonitor(SocketChannel channel) {
        this.channel = channel;
    }

    static QemuMonitor connect(Path socket, Process qemu) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            if (Files.exists(socket)) {
                try {
                    QemuMonitor m = new QemuMonitor(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
                    m.readToPrompt();
                    return m;
                } catch (IOException notYet) {
                    // QEMU creates the socket before it listens
                }
            }
            if (!qemu.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("QEMU monitor did not come up; QEMU alive: " + qemu.isAlive());
            }
            Thread.sleep(50);
        }
    }

    String command(String line) throws IOException {
        channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
        return readToPrompt();
    }

    /** {@code info registers}, repeated until the vCPU is halted (HLT=1) or 20 s have passed. */
    Registers haltedRegisters() throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String text;
        do {
            text = command("info registers");
            if (text.contains("HLT=1")) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        Map<String, Long> values = new HashMap<>();
        Map<String, Seg> segments = new HashMap<>();
        Map<String, long[]> tables = new HashMap<>();
        for (String line : text.split("\r?\n")) {
            Matcher s = SEGMENT.matcher(line);
            if (s.find()) {
                segments.put(s.group(1).trim(), new Seg(Integer.parseInt(s.group(2), 16), Long.parseUnsignedLong(s.group(3), 16),
                        Long.parseLong(s.group(4), 16), Long.parseLong(s.group(5), 16)));
                continue;
            }
            Matcher t = TABLE.matcher(line);
            if (t.find()) {
                tables.put(t.group(1), new long[] {Long.parseUnsignedLong(t.group(2), 16), Long.parseLong(t.group(3), 16)});
                continue;
            }
            Matcher v = VALUE.matcher(line);
            while (v.find()) {
                values.putIfAbsent(v.group(1), Long.parseUnsignedLong(v.group(2), 16));
            }
        }
        return new Registers(values, segments, tables, text);
    }

    private String readToPrompt() throws IOException {
        StringBuilder out = new StringBuilder();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (out.indexOf("(qemu) ") < 0) {
            buf.clear();
            if (channel.read(buf) < 0) {
                throw new IOException("monitor closed; got: " + out);
            }
            out.append(new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1));
        }
        return out.toString().replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "");
    }

    @Override
    public void close() throws IOException {
        try {
            command("quit");
        } catch (IOException closedByQuit) {
            // expected: QEMU closes the socket as it exits
        }
        channel.close();
    }
}
