package org.jgrub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrub.core.testing.HostTools;

/** Builds partitioned guest disks with the real tools (sgdisk, sfdisk, mke2fs -d), as an installer would. */
final class GuestDisk {
    private GuestDisk() {}

    static String run(Path cwd, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    /** Start and size in bytes of GPT partition {@code n}, as sgdisk reports them. */
    static long[] gptPartition(Path image, int n) throws Exception {
        String info = run(image.getParent(), HostTools.require("sgdisk", "gdisk").toString(), "-i", Integer.toString(n),
                image.toString());
        Matcher first = Pattern.compile("First sector: (\\d+)").matcher(info);
        Matcher last = Pattern.compile("Last sector: (\\d+)").matcher(info);
        if (!first.find() || !last.find()) {
            throw new AssertionError("sgdisk -i said: " + info);
        }
        long s = Long.parseLong(first.group(1));
        long e = Long.parseLong(last.group(1));
        return new long[] {s * 512, (e - s + 1) * 512};
    }

    /** Puts an ext filesystem made by mke2fs from {@code source} into bytes [offset, offset+size) of {@code image}. */
    static void mkfs(Path image, long offset, long size, Path source, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(HostTools.require("mke2fs", "e2fsprogs").toString(), "-q", "-F"));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("-E", "offset=" + offset, "-d", source.toString(), image.toString(), (size / 1024) + "k"));
        run(image.getParent(), cmd.toArray(String[]::new));
    }

    /**
     * A 96 MiB GPT disk as Debian's installer lays one out for BIOS boot: gpt1 a 1 MiB BIOS boot
     * partition (no filesystem), gpt2 an ext4 /boot labelled "boot" from {@code boot}, gpt3 an
     * ext2 root from {@code root}.
     */
    static Path gpt(Path dir, Path boot, Path root) throws Exception {
        Path image = dir.resolve("disk.img");
        run(dir, "truncate", "-s", "96M", image.toString());
        run(dir, HostTools.require("sgdisk", "gdisk").toString(), "-n1:2048:+1M", "-t1:ef02", "-c1:bios",
                "-n2:0:+48M", "-t2:8300", "-c2:boot", "-n3:0:0", "-t3:8300", "-c3:root", image.toString());
        long[] p2 = gptPartition(image, 2);
        long[] p3 = gptPartition(image, 3);
        mkfs(image, p2[0], p2[1], boot, "-t", "ext4", "-L", "boot");
        mkfs(image, p3[0], p3[1], root, "-t", "ext2", "-L", "root");
        return image;
    }

    /** A 64 MiB MBR disk: msdos1 ext4 from {@code boot}; an extended partition holding msdos5 (ext3 from {@code root}). */
    static Path msdos(Path dir, Path boot, Path root) throws Exception {
        Path image = dir.resolve("mbr.img");
        run(dir, "truncate", "-s", "64M", image.toString());
        Path script = Files.writeString(dir.resolve("layout.sfdisk"),
                "label: dos\nstart=2048, size=40960, type=83\nstart=45056, type=5\nstart=47104, size=40960, type=83\n");
        Process p = new ProcessBuilder(HostTools.require("sfdisk", "fdisk").toString(), "-q", image.toString())
                .redirectInput(script.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        mkfs(image, 2048L * 512, 40960L * 512, boot, "-t", "ext4", "-L", "mbrboot");
        mkfs(image, 47104L * 512, 40960L * 512, root, "-t", "ext3");
        return image;
    }
}
