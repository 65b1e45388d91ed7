package org.jgrub.core.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.testing.HostTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Data compressed by the real tools comes back byte for byte; other data passes through. */
class DecompressionTest {
    @TempDir
    Path dir;

    private byte[] sample() {
        byte[] text = ("kern.geom.label.disk_ident.enable=\"0\"\nzfs_load=\"YES\"\n").repeat(2000).getBytes();
        byte[] noise = new byte[50_000];
        new Random(7).nextBytes(noise);
        byte[] all = new byte[text.length + noise.length];
        System.arraycopy(text, 0, all, 0, text.length);
        System.arraycopy(noise, 0, all, text.length, noise.length);
        return all;
    }

    @ParameterizedTest
    @CsvSource({"gzip, gzip, -c", "xz, xz-utils, -c", "bzip2, bzip2, -c", "zstd, zstd, -qc", "lzma, xz-utils, -c"})
    void decompressesWhatTheToolWrote(String tool, String pkg, String flags) throws Exception {
        Path exe = HostTools.require(tool, pkg);
        byte[] data = sample();
        Path src = Files.write(dir.resolve("data"), data);
        Process p = new ProcessBuilder(exe.toString(), flags, src.toString()).redirectOutput(dir.resolve("data.z").toFile()).start();
        assertEquals(0, p.waitFor());
        byte[] compressed = Files.readAllBytes(dir.resolve("data.z"));
        try (InputStream in = Decompression.open(new ByteArrayInputStream(compressed), "data.z")) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void plainDataPassesThrough() throws Exception {
        byte[] data = "set timeout=5\nmenuentry 'x' {\n}\n".getBytes();
        try (InputStream in = Decompression.open(new ByteArrayInputStream(data), "grub.cfg")) {
            assertArrayEquals(data, in.readAllBytes());
        }
        assertArrayEquals(new byte[0], Decompression.open(new ByteArrayInputStream(new byte[0]), "empty").readAllBytes());
    }

    @Test
    void corruptCompressedDataIsAnError() throws Exception {
        byte[] bad = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8};
        assertThrows(java.io.IOException.class,
                () -> Decompression.open(new ByteArrayInputStream(bad), "x.gz").readAllBytes());
    }

    @Test
    void readAllRefusesBombs() throws Exception {
        JgrubException e = assertThrows(JgrubException.class,
                () -> Decompression.readAll(new ByteArrayInputStream(new byte[100]), 99, "loader.conf"));
        assertTrue(e.getMessage().contains("larger than 99 bytes"));
        assertEquals(100, Decompression.readAll(new ByteArrayInputStream(new byte[100]), 100, "x").length);
    }
}
