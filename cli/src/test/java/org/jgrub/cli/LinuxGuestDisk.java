package org.jgrub.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.jgrub.core.testing.HostTools;

/**
 * A Debian-like guest disk, built at test time: GPT with a BIOS boot partition (gpt1), a separate
 * ext4 /boot (gpt2) holding Debian's kernel, a busybox initramfs and a grub.cfg as Debian's
 * grub-mkconfig writes it, and an ext4 root (gpt3). The initramfs's /init prints {@link #MARKER}
 * and resets the machine (busybox reboot -f; reboot=k on the command line), which ends QEMU.
 */
final class LinuxGuestDisk {
    static final String MARKER = "JGRUB-DEBIAN-INIT-OK";
    static final String BOOT_UUID = "8a9f0c3e-5b1d-4e6f-9a2b-3c4d5e6f7a8b";
    static final String ROOT_UUID = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    static final String KERNEL = "vmlinuz-6.1.0-56-amd64";
    static final String INITRD = "initrd.img-6.1.0-56-amd64";

    private LinuxGuestDisk() {}

    static Path build(Path dir) throws Exception {
        Path boot = Files.createDirectories(dir.resolve("boot-src"));
        Path root = Files.createDirectories(dir.resolve("root-src"));
        Files.copy(HostTools.debianKernel(), boot.resolve(KERNEL));
        writeInitramfs(boot.resolve(INITRD));
        Files.createDirectories(boot.resolve("grub"));
        String cfg = new String(LinuxGuestDisk.class.getResourceAsStream("/guest/debian-grub.cfg").readAllBytes())
                .replace("@BOOT_UUID@", BOOT_UUID).replace("@ROOT_UUID@", ROOT_UUID);
        Files.writeString(boot.resolve("grub/grub.cfg"), cfg);
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hostname"), "debian-guest\n");

        Path image = dir.resolve("debian.img");
        GuestDisk.run(dir, "truncate", "-s", "128M", image.toString());
        GuestDisk.run(dir, HostTools.require("sgdisk", "gdisk").toString(), "-n1:2048:+1M", "-t1:ef02",
                "-n2:0:+64M", "-t2:8300", "-n3:0:0", "-t3:8300", image.toString());
        long[] p2 = GuestDisk.gptPartition(image, 2);
        long[] p3 = GuestDisk.gptPartition(image, 3);
        GuestDisk.mkfs(image, p2[0], p2[1], boot, "-t", "ext4", "-U", BOOT_UUID);
        GuestDisk.mkfs(image, p3[0], p3[1], root, "-t", "ext4", "-U", ROOT_UUID);
        return image;
    }

    /** A gzip'd newc cpio with /init and /bin/busybox (the kernel adds /dev/console itself). */
    private static void writeInitramfs(Path target) throws Exception {
        byte[] init = ("#!/bin/busybox sh\n/bin/busybox echo " + MARKER + "\n/bin/busybox reboot -f\n").getBytes();
        byte[] busybox = Files.readAllBytes(HostTools.busybox());
        try (OutputStream f = Files.newOutputStream(target);
             GZIPOutputStream gz = new GZIPOutputStream(f);
             CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(gz, CpioConstants.FORMAT_NEW)) {
            entry(cpio, "bin", CpioConstants.C_ISDIR | 0755, null);
            entry(cpio, "bin/busybox", CpioConstants.C_ISREG | 0755, busybox);
            entry(cpio, "init", CpioConstants.C_ISREG | 0755, init);
            cpio.finish();
        }
    }

    private static void entry(CpioArchiveOutputStream cpio, String name, int mode, byte[] data) throws Exception {
        CpioArchiveEntry e = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name);
        e.setMode(mode);
        e.setNumberOfLinks(data == null ? 2 : 1);
        e.setSize(data == null ? 0 : data.length);
        cpio.putArchiveEntry(e);
        if (data != null) {
            cpio.write(data);
        }
        cpio.closeArchiveEntry();
    }
}
