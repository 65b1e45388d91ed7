package org.jgrub.fs.ext2;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrub.core.testing.HostTools;

/**
 * Builds ext2/3/4 images with the real e2fsprogs and asks the real tools (debugfs, dumpe2fs,
 * grub-fstest) about them, so tests compare jgrub against them and never against itself.
 * Images are sparse files in the test's temporary directory.
 */
final class HostImages {
    private HostImages() {}

    /** What a host command printed. */
    record Output(int exitCode, byte[] stdout, String stderr) {
        String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    static Path mke2fs() {
        return HostTools.require("mke2fs", "e2fsprogs");
    }

    static Path debugfs() {
        return HostTools.require("debugfs", "e2fsprogs");
    }

    static Path grubFstest() {
        return HostTools.require("grub-fstest", "grub-common");
    }

    /** A sparse image of {@code size} bytes holding {@code source}, made by {@code mke2fs -d}. */
    static Path build(Path dir, String name, long size, Path source, List<String> options) throws IOException {
        Path image = dir.resolve(name + ".img");
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(size);
        }
        List<String> cmd = new ArrayList<>(List.of(mke2fs().toString(), "-q", "-F"));
        cmd.addAll(options);
        if (source != null) {
            cmd.add("-d");
            cmd.add(source.toString());
        }
        cmd.add(image.toString());
        check(cmd, run(cmd));
        return image;
    }

    /** {@code e2fsck -fyD}: rebuilds directories as htrees, as a kernel would have. */
    static void indexDirectories(Path image) throws IOException {
        List<String> cmd = List.of(HostTools.require("e2fsck", "e2fsprogs").toString(), "-fyD", image.toString());
        Output o = run(cmd);
        if (o.exitCode() > 1) {
            fail(cmd + " failed (" + o.exitCode() + "): " + o.stderr() + o.text());
        }
    }

    static Output run(List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
        drain.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(cmd + " timed out");
            }
            drain.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Output(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process is gone; what we have is what it said
        }
    }

    static Output check(List<String> cmd, Output o) {
        if (o.exitCode() != 0) {
            fail(String.join(" ", cmd) + " failed (" + o.exitCode() + "): " + o.stderr());
        }
        return o;
    }

    /** {@code grub-fstest IMAGE args...}, which must succeed. */
    static Output grub(Path image, String... args) throws IOException {
        return grub(List.of(), image, args);
    }

    /** {@code grub-fstest OPTIONS IMAGE -- args...}; "--" lets commands like {@code ls -l} keep their options. */
    static Output grub(List<String> options, Path image, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(grubFstest().toString()));
        cmd.addAll(options);
        cmd.addAll(List.of(image.toString(), "--"));
        cmd.addAll(List.of(args));
        return check(cmd, run(cmd));
    }

    /** Whether grub-fstest reads {@code path} in the image as exactly the bytes of {@code local}. */
    static boolean grubSameAs(Path image, String path, Path local) throws IOException {
        return run(List.of(grubFstest().toString(), image.toString(), "cmp", path, local.toString())).exitCode() == 0;
    }

    /** One read-only debugfs request; debugfs prints its answers on stdout. */
    static String debugfs(Path image, String request) throws IOException {
        List<String> cmd = List.of(debugfs().toString(), "-R", request, image.toString());
        return check(cmd, run(cmd)).text();
    }

    /** One debugfs request that writes the image. */
    static void debugfsWrite(Path image, String request) throws IOException {
        List<String> cmd = List.of(debugfs().toString(), "-w", "-R", request, image.toString());
        Output o = check(cmd, run(cmd));
        if (o.stderr().lines().anyMatch(l -> !l.startsWith("debugfs "))) {
            fail(String.join(" ", cmd) + ": " + o.stderr());
        }
    }

    /** dumpe2fs -h as "Field name" → value. */
    static Map<String, String> superblock(Path image) throws IOException {
        List<String> cmd = List.of(HostTools.require("dumpe2fs", "e2fsprogs").toString(), "-h", image.toString());
        Map<String, String> out = new HashMap<>();
        for (String line : check(cmd, run(cmd)).text().split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return out;
    }

    static long number(Map<String, String> sb, String field) {
        return Long.parseLong(sb.get(field));
    }

    private static final Pattern IMAP = Pattern.compile("located at block (\\d+), offset 0x([0-9a-fA-F]+)");

    /** Byte offset of {@code path}'s inode, from debugfs {@code imap}. */
    static long inodeOffset(Path image, String path) throws IOException {
        String text = debugfs(image, "imap " + path);
        Matcher m = IMAP.matcher(text);
        if (!m.find()) {
            fail("debugfs imap " + path + ": " + text);
        }
        long bs = number(superblock(image), "Block size");
        return Long.parseLong(m.group(1)) * bs + Long.parseLong(m.group(2), 16);
    }

    /** The inode number of {@code path}, from debugfs {@code stat}. */
    static long inodeNumber(Path image, String path) throws IOException {
        Matcher m = Pattern.compile("Inode: (\\d+)").matcher(debugfs(image, "stat " + path));
        if (!m.find()) {
            fail("debugfs stat " + path);
        }
        return Long.parseLong(m.group(1));
    }

    /** The data blocks of {@code path}, from debugfs {@code blocks}. */
    static long[] blocks(Path image, String path) throws IOException {
        String text = debugfs(image, "blocks " + path).trim();
        return java.util.Arrays.stream(text.split("\\s+")).mapToLong(Long::parseLong).toArray();
    }

    static void patch(Path image, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.seek(offset);
            f.write(bytes);
        }
    }

    static void patch16(Path image, long offset, int value) throws IOException {
        patch(image, offset, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array());
    }

    static void patch32(Path image, long offset, long value) throws IOException {
        patch(image, offset, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
    }

    static void patch8(Path image, long offset, int value) throws IOException {
        patch(image, offset, new byte[] {(byte) value});
    }

    static byte[] read(Path image, long offset, int length) throws IOException {
        byte[] b = new byte[length];
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "r")) {
            f.seek(offset);
            f.readFully(b);
        }
        return b;
    }

    static long read32(Path image, long offset) throws IOException {
        return Integer.toUnsignedLong(ByteBuffer.wrap(read(image, offset, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }
}
