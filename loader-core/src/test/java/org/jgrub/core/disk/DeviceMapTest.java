package org.jgrub.core.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jgrub.core.error.UsageException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** grub-bhyve's device.map syntax (bhyve.md §5), with every bad line an error naming FILE:LINE. */
class DeviceMapTest {
    @TempDir
    Path dir;
    Path a;
    Path b;
    Path spaced;

    @BeforeEach
    void images() throws Exception {
        a = Files.write(dir.resolve("a.img"), new byte[512]);
        b = Files.write(dir.resolve("b.img"), new byte[512]);
        spaced = Files.write(dir.resolve("with space.iso"), new byte[512]);
    }

    private Path map(String text) throws Exception {
        return Files.writeString(dir.resolve("device.map"), text);
    }

    @Test
    void readsGrubBhyveSyntax() throws Exception {
        Path m = map("# vm-bhyve style\n\n  (hd0) " + a + "\n(cd0) \"" + spaced + "\"   # the installer\n(hd1)\t" + b + "\n");
        assertEquals(Map.of("hd0", a, "cd0", spaced, "hd1", b), DeviceMap.of(List.of(), m).drives());
        assertEquals(List.of("hd0", "cd0", "hd1"), List.copyOf(DeviceMap.of(List.of(), m).drives().keySet()));
    }

    @Test
    void dashDNamesDisksInOrderAndRelativeMapPathsFollowTheMap() throws Exception {
        Path m = map("(hd2) b.img\n");
        assertEquals(Map.of("hd0", a, "hd1", spaced, "hd2", dir.resolve("b.img")), DeviceMap.of(List.of(a, spaced), m).drives());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hd0) a.img|:1: missing `(' symbol",
        "(hd0 a.img|:1: missing `)' symbol",
        "(hd0)|:1: filename expected after (hd0)",
        "(hd0,1) a.img|:1: `(hd0,1)' names a partition; a device map names whole drives",
        "(sd0) a.img|:1: drive name `sd0' is not of the form hdN, cdN or fdN",
        "(hd01) a.img|:1: drive name `hd01' is not of the form hdN, cdN or fdN",
        "(hd0) a.img;(hd0) b.img|:2: (hd0) is already mapped to ",
        "(hd0) missing.img|:1: disk image ",
        "(hd0) a.img extra|:1: unexpected `extra' after the file name (quote a path that contains spaces)",
        "(hd0) \"a.img|:1: missing closing '\"'",
        "#ok;;(hd0) .|:3: disk image ",
    })
    void badLinesAreErrorsWithFileAndLine(String lines, String message) throws Exception {
        Path m = map(lines.replace(";", "\n"));
        UsageException e = assertThrows(UsageException.class, () -> DeviceMap.of(List.of(), m));
        assertEquals(true, e.getMessage().startsWith(m + message), e.getMessage());
    }

    @Test
    void aNameInBothDashDAndTheMapIsAnError() throws Exception {
        Path m = map("(hd0) b.img\n");
        UsageException e = assertThrows(UsageException.class, () -> DeviceMap.of(List.of(a), m));
        assertEquals(m + ":1: (hd0) is already named by -d " + a, e.getMessage());
    }

    @Test
    void missingDashDImage() {
        UsageException e = assertThrows(UsageException.class, () -> DeviceMap.of(List.of(dir.resolve("nope.img")), null));
        assertEquals("-d " + dir.resolve("nope.img") + ": disk image " + dir.resolve("nope.img") + " does not exist",
                e.getMessage());
    }

    @Test
    void devicePaths() throws Exception {
        assertEquals(new DevicePath("hd0", List.of("gpt2"), "/boot/vmlinuz"), DevicePath.parse("(hd0,gpt2)/boot/vmlinuz"));
        assertEquals(new DevicePath("hd0", List.of("msdos1", "bsd1"), "/boot"), DevicePath.parse("(hd0,msdos1,bsd1)/boot"));
        assertEquals(new DevicePath("hd0", List.of("2"), ""), DevicePath.parse("(hd0,2)"));
        assertEquals(new DevicePath("hd1", List.of(), "/x"), DevicePath.parse("(hd1)/x"));
        assertEquals(new DevicePath(null, List.of(), "/boot"), DevicePath.parse("/boot"));
        assertEquals("(hd0,gpt2)/boot", DevicePath.parse("/boot").onRoot(DevicePath.parse("(hd0,gpt2)")).toString());
        assertThrows(UsageException.class, () -> DevicePath.parse("(hd0,gpt0)/x"));
        assertThrows(UsageException.class, () -> DevicePath.parse("(hd0,gpt2/x"));
        assertThrows(UsageException.class, () -> DevicePath.parse("(,gpt2)/x"));
    }
}
