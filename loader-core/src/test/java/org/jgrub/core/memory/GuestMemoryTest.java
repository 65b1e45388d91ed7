package org.jgrub.core.memory;

import static org.jgrub.core.memory.MemoryLayout.GIB;
import static org.jgrub.core.memory.MemoryLayout.MIB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jgrub.core.error.GuestMemoryException;
import org.jgrub.core.host.RamFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same contract for heap and native (mmap'd file) memory; the native one also in bhyve's split layout. */
class GuestMemoryTest {
    @TempDir
    static Path dir;

    static Stream<GuestMemory> memories() throws Exception {
        return Stream.of(
                HeapGuestMemory.ofSize(16 * MIB),
                RamFile.create(dir.resolve("small.ram"), MemoryLayout.bhyve(16 * MIB)));
    }

    @ParameterizedTest
    @MethodSource("memories")
    void readsBackWhatItWrites(GuestMemory m) throws Exception {
        try (m) {
            m.writeU64(GuestAddress.of(0x5008), 0x0020980000000000L);
            m.writeU32(GuestAddress.of(0x10), 0xdeadbeefL);
            m.writeU16(GuestAddress.of(0x20), 0xaa55);
            m.writeU8(GuestAddress.of(16 * MIB - 1), 0x7f);
            assertEquals(0x0020980000000000L, m.readU64(GuestAddress.of(0x5008)));
            assertEquals(0xdeadbeefL, m.readU32(GuestAddress.of(0x10)));
            assertEquals(0xaa55, m.readU16(GuestAddress.of(0x20)));
            assertEquals(0x55, m.readU8(GuestAddress.of(0x20)), "little-endian");
            assertEquals(0x7f, m.readU8(GuestAddress.of(16 * MIB - 1)));
            m.fill(GuestAddress.of(0x100), 0x100, (byte) 0xcc);
            byte[] expected = new byte[0x100];
            java.util.Arrays.fill(expected, (byte) 0xcc);
            assertArrayEquals(expected, m.read(GuestAddress.of(0x100), 0x100));
        }
    }

    @ParameterizedTest
    @MethodSource("memories")
    void refusesEveryAccessThatLeavesRam(GuestMemory m) throws Exception {
        try (m) {
            GuestMemoryException e = assertThrows(GuestMemoryException.class,
                    () -> m.writeU32(GuestAddress.of(16 * MIB - 2), 0));
            assertEquals("guest memory access [0xfffffe, +0x4) lies outside guest RAM [[0x0, 0x1000000)]",
                    e.getMessage());
            assertThrows(GuestMemoryException.class, () -> m.window(GuestAddress.of(16 * MIB), 0 + 1));
            assertThrows(GuestMemoryException.class, () -> m.window(GuestAddress.of(0), -1));
            assertThrows(GuestMemoryException.class, () -> m.read(GuestAddress.of(Long.MAX_VALUE - 2), 8));
            assertThrows(GuestMemoryException.class, () -> m.fill(GuestAddress.of(MIB), 16 * MIB, (byte) 1));
            // A window is exactly as long as asked: writing past it cannot reach further memory.
            ByteBuffer w = m.window(GuestAddress.of(0x1000), 4);
            assertEquals(4, w.remaining());
            assertThrows(java.nio.BufferOverflowException.class, () -> w.putLong(0));
        }
    }

    @Test
    void highMemoryLiesAtFourGibAndTheHoleIsNotRam() throws Exception {
        MemoryLayout layout = MemoryLayout.bhyve(3 * GIB + 64 * MIB);
        Path file = dir.resolve("big.ram");
        try (GuestMemory m = RamFile.create(file, layout)) {
            m.writeU64(GuestAddress.of(4 * GIB), 0x1122334455667788L);
            m.writeU64(GuestAddress.of(3 * GIB - 8), 0x0102030405060708L);
            GuestMemoryException e = assertThrows(GuestMemoryException.class,
                    () -> m.readU64(GuestAddress.of(3 * GIB)));
            assertTrue(e.getMessage().contains("0xc0000000"), e.getMessage());
            assertThrows(GuestMemoryException.class, () -> m.read(GuestAddress.of(3 * GIB - 4), 8));
            assertThrows(GuestMemoryException.class, () -> m.readU8(GuestAddress.of(4 * GIB + 64 * MIB)));
        }
        // The file holds low RAM then high RAM, as QEMU's memory-backend-file expects.
        try (var ch = Files.newByteChannel(file)) {
            ByteBuffer b = ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.position(3 * GIB - 8).read(b);
            assertEquals(0x0102030405060708L, b.getLong(0));
            assertEquals(0x1122334455667788L, b.getLong(8));
        }
    }

    @Test
    void readOnlyMemoryHandsOutReadOnlyWindows() throws Exception {
        Path file = dir.resolve("ro.ram");
        MemoryLayout layout = MemoryLayout.bhyve(4 * MIB);
        try (GuestMemory m = RamFile.create(file, layout)) {
            m.writeU32(GuestAddress.of(0x40), 0x12345678);
        }
        try (GuestMemory m = RamFile.open(file, layout, NativeGuestMemory.Access.READ_ONLY)) {
            assertEquals(0x12345678, m.readU32(GuestAddress.of(0x40)));
            assertThrows(ReadOnlyBufferException.class, () -> m.writeU32(GuestAddress.of(0x40), 0));
        }
    }

    @Test
    void closedMemoryRefusesAccess() throws Exception {
        GuestMemory m = RamFile.create(dir.resolve("closed.ram"), MemoryLayout.bhyve(4 * MIB));
        m.close();
        assertThrows(GuestMemoryException.class, () -> m.readU8(GuestAddress.ZERO));
    }

    @Test
    void windowsAreBoundedToOneGib() throws Exception {
        try (GuestMemory m = RamFile.create(dir.resolve("w.ram"), MemoryLayout.bhyve(2 * GIB))) {
            assertEquals(GuestMemory.MAX_WINDOW, m.window(GuestAddress.ZERO, GuestMemory.MAX_WINDOW).capacity());
            assertThrows(GuestMemoryException.class, () -> m.window(GuestAddress.ZERO, GuestMemory.MAX_WINDOW + 1));
        }
    }
}
