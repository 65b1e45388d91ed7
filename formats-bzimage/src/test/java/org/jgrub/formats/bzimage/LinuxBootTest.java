package org.jgrub.formats.bzimage;

import static org.jgrub.core.memory.MemoryLayout.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.NotThisFormatException;
import org.jgrub.core.io.ByteSource;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.HeapGuestMemory;
import org.jgrub.core.testing.HostTools;
import org.jgrub.core.x86.CpuMode;
import org.jgrub.core.x86.Register;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader against Debian's real bzImage (header values as measured in
 * shared/reference/linux-boot.md) and against broken copies of it: each a one-line error, and
 * nothing written to guest memory after an error.
 */
class LinuxBootTest {
    @TempDir
    static Path dir;
    static Path kernel;
    static byte[] head;

    @BeforeAll
    static void kernel() throws Exception {
        kernel = HostTools.debianKernel();
        try (var in = Files.newInputStream(kernel)) {
            head = in.readNBytes(SetupHeader.READ_SIZE);
        }
    }

    private static LinuxBootRequest request(Path k, CpuMode entry, String args, List<InitrdItem> initrds)
            throws Exception {
        return new LinuxBootRequest(ByteSource.of(k), "/vmlinuz", args, initrds, entry, KernelCommandLine.Console.ADD_TTYS0);
    }

    /** A copy of the kernel with {@code patch} applied to its first bytes, optionally cut to {@code length}. */
    private static Path patched(String name, java.util.function.Consumer<ByteBuffer> patch, long length) throws Exception {
        Path p = dir.resolve(name);
        Files.copy(kernel, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(head.clone()).order(ByteOrder.LITTLE_ENDIAN);
            patch.accept(b);
            b.clear();
            ch.write(b, 0);
            if (length >= 0) {
                ch.truncate(length);
            }
        }
        return p;
    }

    @Test
    void debianHeaderIsReadAsMeasured() throws Exception {
        SetupHeader h = SetupHeader.parse(head, "vmlinuz");
        assertEquals(39, h.setupSects());
        assertEquals(0x020F, h.version());
        assertEquals(0x01, h.loadflags());
        assertEquals(0x100000, h.code32Start());
        assertEquals(0x7FFFFFFFL, h.initrdAddrMax());
        assertEquals(0x200000, h.kernelAlignment());
        assertTrue(h.relocatable());
        assertEquals(0x7F, h.xloadflags());
        assertEquals(0x7FF, h.cmdlineSize());
        assertEquals(0x1000000, h.prefAddress());
        assertEquals(0x3F98000, h.initSize());
        assertEquals("2.15", h.versionText());
    }

    @Test
    void placesKernelInitrdAndZeroPage() throws Exception {
        Path initrd = Files.write(dir.resolve("initrd"), new byte[100_001]);
        try (HeapGuestMemory m = HeapGuestMemory.ofSize(256 * MIB)) {
            LinuxBoot.Result r = LinuxBoot.load(m, request(kernel, CpuMode.PROTECTED_32, "root=/dev/vda1 quiet",
                    List.of(InitrdItem.file(ByteSource.of(initrd)))));
            assertEquals(GuestAddress.of(0x1000000), r.kernelAt(), "pref_address");
            // Page-aligned as high as fits below min(initrd_addr_max + 1, end of RAM).
            assertEquals(GuestAddress.of((256 * MIB - 100_001) & ~0xfffL), r.initrdAt());
            ByteBuffer zp = ByteBuffer.wrap(m.read(LinuxLayout.ZERO_PAGE, 4096)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(0, zp.get(0x1EF), "the image's 0xFF sentinel is not copied");
            assertEquals((byte) 0x55, zp.get(0x1FE));
            assertEquals(0x53726448, zp.getInt(0x202));
            assertEquals(0x72, zp.get(0x210) & 0xff, "type_of_loader GRUB 2");
            assertEquals(0x01 | 0x80 | 0x20, zp.get(0x211) & 0xff, "LOADED_HIGH | CAN_USE_HEAP | QUIET");
            assertEquals(0x1000000, zp.getInt(0x214), "code32_start is the load address");
            assertEquals(r.initrdAt().value(), zp.getInt(0x218) & 0xffffffffL);
            assertEquals(100_001, zp.getInt(0x21C));
            assertEquals(LinuxLayout.CMDLINE.value(), zp.getInt(0x228));
            assertEquals(2, zp.get(0x1E8), "two e820 entries: [0, 640K) and [1M, 256M)");
            assertEquals(0L, zp.getLong(0x2D0));
            assertEquals(640 * 1024L, zp.getLong(0x2D8));
            assertEquals(1, zp.getInt(0x2E0));
            assertEquals(MIB, zp.getLong(0x2E4));
            String cmd = new String(m.read(LinuxLayout.CMDLINE, r.commandLine().length() + 1));
            assertEquals("console=ttyS0 BOOT_IMAGE=/vmlinuz root=/dev/vda1 quiet\0", cmd);
            assertEquals(LinuxLayout.ZERO_PAGE.value(), r.state().valueOr(Register.RSI, -1));
            assertEquals(0x1000000L, r.state().valueOr(Register.RIP, -1));
            // The protected-mode kernel is in place, byte for byte.
            byte[] expected = new byte[4096];
            try (var ch = java.nio.channels.FileChannel.open(kernel)) {
                ch.read(ByteBuffer.wrap(expected), 40L * 512);
            }
            assertEquals(java.util.HexFormat.of().formatHex(expected),
                    java.util.HexFormat.of().formatHex(m.read(GuestAddress.of(0x1000000), 4096)));
        }
    }

    @Test
    void sixtyFourBitEntryIsLoadPlus0x200() throws Exception {
        try (HeapGuestMemory m = HeapGuestMemory.ofSize(256 * MIB)) {
            LinuxBoot.Result r = LinuxBoot.load(m, request(kernel, CpuMode.LONG_64, "", List.of()));
            assertEquals(0x1000200L, r.state().valueOr(Register.RIP, -1));
            assertEquals(0x10, r.state().segment(Register.CS).selector());
            assertEquals(0x18, r.state().segment(Register.DS).selector());
            assertEquals(LinuxLayout.PAGE_TABLES.value(), r.state().valueOr(Register.CR3, -1));
        }
    }

    @Test
    void consoleRule() {
        assertEquals("console=ttyS0 BOOT_IMAGE=/k ro", KernelCommandLine.build("/k", "ro", KernelCommandLine.Console.ADD_TTYS0));
        assertEquals("BOOT_IMAGE=/k console=tty0 ro",
                KernelCommandLine.build("/k", "console=tty0 ro", KernelCommandLine.Console.ADD_TTYS0));
        assertEquals("BOOT_IMAGE=/k ro", KernelCommandLine.build("/k", "ro", KernelCommandLine.Console.AS_GIVEN));
        assertEquals("console=ttyS0 BOOT_IMAGE=/k xconsole=1",
                KernelCommandLine.build("/k", "xconsole=1", KernelCommandLine.Console.ADD_TTYS0));
    }

    private static String refusal(Path k, CpuMode entry, long mem, String args, List<InitrdItem> initrds) throws Exception {
        try (HeapGuestMemory m = HeapGuestMemory.ofSize(mem)) {
            JgrubException e = assertThrows(JgrubException.class, () -> LinuxBoot.load(m, request(k, entry, args, initrds)));
            assertEquals(1, e.getMessage().lines().count());
            byte[] low = m.read(GuestAddress.ZERO, 0x100000);
            assertEquals(0, java.util.stream.IntStream.range(0, low.length).filter(i -> low[i] != 0).count(),
                    "nothing was written before the error");
            return e.getMessage();
        }
    }

    @Test
    void badKernelsAndInitrds() throws Exception {
        Path notBz = Files.write(dir.resolve("random"), new byte[4096]);
        assertTrue(refusal(notBz, CpuMode.PROTECTED_32, 64 * MIB, "", List.of()).contains("boot flag 0x0000"));
        Path old = patched("old", b -> b.putShort(0x206, (short) 0x0202), -1);
        assertTrue(refusal(old, CpuMode.PROTECTED_32, 256 * MIB, "", List.of()).contains("2.02 is too old"));
        Path noHdrs = patched("nohdrs", b -> b.putInt(0x202, 0), -1);
        assertTrue(refusal(noHdrs, CpuMode.PROTECTED_32, 256 * MIB, "", List.of()).contains("HdrS"));
        Path no64 = patched("no64", b -> b.putShort(0x236, (short) 0), -1);
        assertTrue(refusal(no64, CpuMode.LONG_64, 256 * MIB, "", List.of()).contains("no 64-bit entry"));
        Path zimage = patched("zimage", b -> b.put(0x211, (byte) 0), -1);
        assertTrue(refusal(zimage, CpuMode.PROTECTED_32, 256 * MIB, "", List.of()).contains("zImage"));
        Path truncated = patched("truncated", b -> { }, 40 * 512);
        assertTrue(refusal(truncated, CpuMode.PROTECTED_32, 256 * MIB, "", List.of()).contains("truncated"));
        assertTrue(refusal(kernel, CpuMode.PROTECTED_32, 64 * MIB, "", List.of()).contains("init_size"),
                "16 MiB + init_size 63.6 MiB does not fit in 64 MiB");
        assertTrue(refusal(kernel, CpuMode.PROTECTED_32, 256 * MIB, "x".repeat(3000), List.of())
                .contains("longer than the 2047"));
        Path big = dir.resolve("big-initrd");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(200 * MIB);
        }
        assertTrue(refusal(kernel, CpuMode.PROTECTED_32, 256 * MIB, "", List.of(InitrdItem.file(ByteSource.of(big))))
                .contains("initrd of 209715200 bytes does not fit"));
    }

    @Test
    void headerParserRefusesShortInput() {
        assertThrows(NotThisFormatException.class, () -> SetupHeader.parse(new byte[100], "x"));
    }
}
