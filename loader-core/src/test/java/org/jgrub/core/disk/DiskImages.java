package org.jgrub.core.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.jgrub.core.testing.HostTools;

/**
 * Builds disk images with the real partitioning tools (sfdisk, sgdisk) and patches bytes in them
 * for hostile-table tests. Everything written here follows the on-disk formats' specifications,
 * not jgrub's readers.
 */
public final class DiskImages {
    public static final int SECTOR = 512;

    /**
     * An sfdisk script: primaries 1 (bootable Linux) and 2 (FreeBSD), extended 3 with three
     * logical partitions, slot 4 empty.
     */
    public static final String MBR_LAYOUT = """
            start=2048, size=8192, type=83, bootable
            start=10240, size=16384, type=a5
            start=26624, size=65536, type=5
            start=28672, size=4096, type=83
            start=34816, size=4096, type=82
            start=40960, size=8192, type=7
            """;

    private DiskImages() {}

    /** A sparse image of {@code bytes}. */
    public static Path blank(Path dir, String name, long bytes) throws IOException {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return p;
    }

    /** A sparse copy of {@code from} at {@code to}. */
    public static Path copy(Path from, Path to) throws IOException, InterruptedException {
        run(List.of("cp", "--sparse=always", from.toString(), to.toString()), null);
        return to;
    }

    /** Runs a command, failing with its output unless it exits 0; returns stdout+stderr. */
    public static String run(List<String> cmd, String stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd + " timed out");
        }
        assertEquals(0, p.exitValue(), () -> cmd + " failed:\n" + out);
        return out;
    }

    /** Writes an MBR with {@code sfdisk} from a script ({@code label: dos} is added). */
    public static void sfdisk(Path image, String script) throws IOException, InterruptedException {
        Path tool = HostTools.require("sfdisk", "fdisk");
        run(List.of(tool.toString(), "--no-reread", "--no-tell-kernel", "-q", image.toString()),
                "label: dos\nunit: sectors\n" + script);
    }

    /** One line of {@code sfdisk --dump}: partition number (from the node name), start, size, type. */
    public record SfdiskPartition(int number, long start, long size, int type) {}

    private static final Pattern DUMP_LINE = Pattern.compile(
            "^\\S*?(\\d+) : start=\\s*(\\d+), size=\\s*(\\d+), type=([0-9a-fA-F]+).*$", Pattern.MULTILINE);

    /** What {@code sfdisk --dump} says about the image, keyed by partition number. */
    public static Map<Integer, SfdiskPartition> sfdiskDump(Path image) throws IOException, InterruptedException {
        Path tool = HostTools.require("sfdisk", "fdisk");
        String out = run(List.of(tool.toString(), "--dump", image.toString()), null);
        Map<Integer, SfdiskPartition> m = new LinkedHashMap<>();
        Matcher mt = DUMP_LINE.matcher(out);
        while (mt.find()) {
            // the node is the image path followed by the number; the image name itself ends in ".img"
            int n = Integer.parseInt(mt.group(1));
            m.put(n, new SfdiskPartition(n, Long.parseLong(mt.group(2)), Long.parseLong(mt.group(3)),
                    Integer.parseInt(mt.group(4), 16)));
        }
        return m;
    }

    /** Runs {@code sgdisk} with {@code args} on the image. */
    public static String sgdisk(Path image, String... args) throws IOException, InterruptedException {
        Path tool = HostTools.require("sgdisk", "gdisk");
        List<String> cmd = new ArrayList<>();
        cmd.add(tool.toString());
        cmd.addAll(List.of(args));
        cmd.add(image.toString());
        return run(cmd, null);
    }

    /** What {@code sgdisk -i N} says about partition N. */
    public record SgdiskPartition(String typeGuid, long firstSector, long lastSector, long sectors, String name) {}

    public static SgdiskPartition sgdiskInfo(Path image, int number) throws IOException, InterruptedException {
        String out = sgdisk(image, "-i", Integer.toString(number));
        return new SgdiskPartition(
                find(out, "Partition GUID code: (\\S+)").toLowerCase(),
                Long.parseLong(find(out, "First sector: (\\d+)")),
                Long.parseLong(find(out, "Last sector: (\\d+)")),
                Long.parseLong(find(out, "Partition size: (\\d+) sectors")),
                find(out, "Partition name: '(.*)'"));
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in:\n" + text);
        }
        return m.group(1);
    }

    // ---- byte patching -------------------------------------------------------------------------

    public static byte[] readBytes(Path image, long offset, int length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "r")) {
            byte[] b = new byte[length];
            f.seek(offset);
            f.readFully(b);
            return b;
        }
    }

    public static void write(Path image, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.seek(offset);
            f.write(bytes);
        }
    }

    public static void putLe(byte[] b, int at, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }

    public static long getLe(byte[] b, int at, int bytes) {
        long v = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            v = v << 8 | (b[at + i] & 0xffL);
        }
        return v;
    }

    public static void writeLe(Path image, long offset, long value, int bytes) throws IOException {
        byte[] b = new byte[bytes];
        putLe(b, 0, value, bytes);
        write(image, offset, b);
    }

    public static void truncate(Path image, long bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(bytes);
        }
    }

    public static long size(Path image) throws IOException {
        return Files.size(image);
    }

    // ---- GPT (UEFI spec, GPT chapter: header CRC at 16 over HeaderSize bytes with the field zero;
    // ---- array LBA at 72, entry count at 80, entry size at 84, array CRC at 88) ----------------

    /** Byte offset of the backup GPT header: the image's last sector. */
    public static long backupHeaderOffset(Path image) throws IOException {
        return (size(image) / SECTOR - 1) * SECTOR;
    }

    /** A change applied to a GPT header sector and its array before the CRCs are recomputed. */
    public interface GptEdit {
        void apply(byte[] header, byte[] array);
    }

    /**
     * Applies {@code edit} to the header at {@code headerOffset} and its entry array (as the header
     * located it before the edit), then recomputes the array CRC when the array changed (over
     * count * size bytes as they were) and always the header CRC (over the original header size) so that only the edited values are
     * wrong.
     */
    public static void editGpt(Path image, long headerOffset, GptEdit edit) throws IOException {
        byte[] header = readBytes(image, headerOffset, SECTOR);
        long arrayAt = getLe(header, 72, 8) * SECTOR;
        int arrayBytes = (int) (getLe(header, 80, 4) * getLe(header, 84, 4));
        int headerSize = (int) getLe(header, 12, 4);
        byte[] array = readBytes(image, arrayAt, arrayBytes);
        byte[] before = array.clone();
        edit.apply(header, array);
        CRC32 crc = new CRC32();
        if (!java.util.Arrays.equals(before, array)) {
            crc.update(array);
            putLe(header, 88, crc.getValue(), 4);
        }
        putLe(header, 16, 0, 4);
        crc.reset();
        crc.update(header, 0, headerSize);
        putLe(header, 16, crc.getValue(), 4);
        write(image, arrayAt, array);
        write(image, headerOffset, header);
    }

    /** {@link #editGpt} on both the primary and the backup copy. */
    public static void editBothGpts(Path image, GptEdit edit) throws IOException {
        editGpt(image, SECTOR, edit);
        editGpt(image, backupHeaderOffset(image), edit);
    }
}
