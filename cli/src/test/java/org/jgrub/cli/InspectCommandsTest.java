package org.jgrub.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.jgrub.core.testing.HostTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * probe/ls/cat/cp on partitioned disks built by sgdisk/sfdisk and mke2fs, compared with GRUB's own
 * reader (grub-fstest, which names the image loop0) and with the source files.
 */
class InspectCommandsTest {
    @TempDir
    static Path dir;
    static Path boot;
    static Path root;
    static Path gpt;
    static Path mbr;
    static byte[] kernel;
    static byte[] config = "set default=0\nmenuentry 'Debian' {\n\tlinux /vmlinuz root=/dev/vda3\n}\n".getBytes();

    @BeforeAll
    static void images() throws Exception {
        boot = Files.createDirectories(dir.resolve("boot"));
        root = Files.createDirectories(dir.resolve("root"));
        kernel = new byte[3_000_000];
        new Random(1).nextBytes(kernel);
        Files.createDirectories(boot.resolve("grub"));
        Files.write(boot.resolve("grub/grub.cfg"), config);
        Files.write(boot.resolve("vmlinuz-6.1.0-56-amd64"), kernel);
        Files.createSymbolicLink(boot.resolve("vmlinuz"), Path.of("vmlinuz-6.1.0-56-amd64"));
        Files.createSymbolicLink(boot.resolve("grub-dir"), Path.of("grub"));
        try (var gz = new GZIPOutputStream(Files.newOutputStream(boot.resolve("config.gz")))) {
            gz.write(config);
        }
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hostname"), "guest\n");
        gpt = GuestDisk.gpt(dir, boot, root);
        mbr = GuestDisk.msdos(dir, boot, root);
    }

    /** Runs jgrub in-process; stdout as bytes. */
    static MainTest.Result jgrub(String... args) {
        return MainTest.run(args);
    }

    static byte[] jgrubBytes(String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            assertEquals(0, Main.run(args));
        } finally {
            System.setOut(old);
        }
        return out.toByteArray();
    }

    static String grubFstest(Path image, String... args) throws Exception {
        String[] cmd = new String[args.length + 2];
        cmd[0] = HostTools.require("grub-fstest", "grub-common").toString();
        cmd[1] = image.toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        return GuestDisk.run(dir, cmd);
    }

    @Test
    void lsMatchesGrubFstest() throws Exception {
        for (String d : new String[] {"/", "/grub", "/grub-dir"}) {
            String mine = jgrub("-d", gpt.toString(), "ls", "-l", "(hd0,gpt2)" + d).out();
            String grubs = grubFstest(gpt, "ls", "--", "-l", "(loop0,gpt2)" + d);
            assertEquals(grubs.strip(), mine.strip(), "ls -l " + d);
            assertEquals(grubFstest(gpt, "ls", "(loop0,gpt2)" + d).strip(),
                    jgrub("-d", gpt.toString(), "ls", "(hd0,gpt2)" + d).out().strip(), "ls " + d);
        }
        assertEquals(grubFstest(mbr, "ls", "--", "-l", "(loop0,msdos5)/etc").strip(),
                jgrub("-d", mbr.toString(), "ls", "-l", "(hd0,msdos5)/etc").out().strip());
        assertEquals(grubFstest(mbr, "ls", "(loop0,1)/").strip(), jgrub("-d", mbr.toString(), "ls", "(hd0,1)/").out().strip());
    }

    @Test
    void catAndCpGiveTheSourceBytes() throws Exception {
        assertArrayEquals(config, jgrubBytes("-d", gpt.toString(), "cat", "(hd0,gpt2)/grub/grub.cfg"));
        assertArrayEquals(config, jgrubBytes("-d", gpt.toString(), "cat", "(hd0,gpt2)/config.gz"), "cat decompresses");
        assertArrayEquals(Files.readAllBytes(boot.resolve("config.gz")),
                jgrubBytes("-d", gpt.toString(), "cat", "--raw", "(hd0,gpt2)/config.gz"));
        assertArrayEquals(kernel, jgrubBytes("-d", gpt.toString(), "-r", "hd0,gpt2", "cat", "/vmlinuz"), "-r and a symlink");
        Path out = dir.resolve("copy");
        assertEquals(0, jgrub("-d", gpt.toString(), "cp", "(hd0,2)/vmlinuz-6.1.0-56-amd64", out.toString()).status());
        assertArrayEquals(kernel, Files.readAllBytes(out));
        grubFstest(gpt, "cp", "(loop0,gpt2)/vmlinuz", dir.resolve("grub-copy").toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("grub-copy")), Files.readAllBytes(out));
        assertArrayEquals("guest\n".getBytes(), jgrubBytes("-d", mbr.toString(), "cat", "(hd0,msdos5)/etc/hostname"));
    }

    @Test
    void probeShowsPartitionsAndFilesystems() throws Exception {
        MainTest.Result r = jgrub("-d", gpt.toString(), "probe");
        assertEquals(0, r.status(), r.err() + r.out());
        String uuid = grubFstest(gpt, "ls", "(loop0,gpt2)").replaceAll("(?s).*UUID ([0-9a-f-]+).*", "$1").strip();
        assertTrue(r.out().contains("(hd0,gpt2) start " + GuestDisk.gptPartition(gpt, 2)[0]), r.out());
        assertTrue(r.out().contains("label \"boot\" uuid " + uuid), r.out());
        assertTrue(r.out().contains("(hd0,gpt1)") && r.out().contains("name \"bios\" no known filesystem"), r.out());
        assertTrue(r.out().contains("ext2 label \"root\""), r.out());
        MainTest.Result m = jgrub("-d", mbr.toString(), "probe");
        assertTrue(m.out().contains("(hd0,msdos5)") && m.out().contains("ext3"), m.out());
    }

    @Test
    void aMissingFileIsOneLine() {
        MainTest.assertOneLineError(jgrub("-d", gpt.toString(), "cat", "(hd0,gpt2)/nope"), "file `/nope' not found");
        MainTest.assertOneLineError(jgrub("-d", gpt.toString(), "cat", "(hd0,gpt9)/x"), "no partition `gpt9' on (hd0)");
        MainTest.assertOneLineError(jgrub("-d", gpt.toString(), "ls", "(hd0,gpt1)/"), "unknown filesystem on (hd0,gpt1)");
        MainTest.assertOneLineError(jgrub("-d", gpt.toString(), "cat", "(hd1)/x"), "no such disk `(hd1)'");
    }

    @Test
    void imagesAreNeverModified() throws Exception {
        String before = sha256(gpt);
        jgrub("-d", gpt.toString(), "probe");
        jgrub("-d", gpt.toString(), "ls", "-l", "(hd0,gpt2)/");
        jgrubBytes("-d", gpt.toString(), "cat", "(hd0,gpt2)/vmlinuz");
        jgrub("-d", gpt.toString(), "cp", "(hd0,gpt2)/vmlinuz", dir.resolve("x").toString());
        assertEquals(before, sha256(gpt));
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
