package org.jgrub.core.fs.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgrub.core.disk.DeviceMap;
import org.jgrub.core.disk.DevicePath;
import org.jgrub.core.disk.Disks;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.fs.DirEntry;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.NodeType;
import org.jgrub.core.fs.PathResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** grub-bhyve's (host) device: host files read through the same resolver, only when enabled. */
class HostFileSystemTest {
    @TempDir
    Path dir;

    @Test
    void readsHostFilesBelowItsBase() throws Exception {
        Files.createDirectories(dir.resolve("vm/guest"));
        Files.writeString(dir.resolve("vm/guest/grub.cfg"), "menuentry 'x (bhyve run)' {\n}\n");
        Files.createSymbolicLink(dir.resolve("vm/link"), Path.of("guest/grub.cfg"));
        Files.createSymbolicLink(dir.resolve("vm/escape"), Path.of("../../../../../../etc/hostname"));
        HostFileSystem fs = new HostFileSystem(dir);
        Node cfg = PathResolver.resolve(fs, "/vm/link", PathResolver.FinalLink.FOLLOW);
        assertEquals(NodeType.FILE, cfg.type());
        ByteBuffer b = ByteBuffer.allocate((int) cfg.size());
        assertEquals(cfg.size(), cfg.read(0, b));
        assertEquals("menuentry 'x (bhyve run)' {\n}\n", new String(b.array()));
        List<DirEntry> vm = PathResolver.resolve(fs, "/vm", PathResolver.FinalLink.FOLLOW).list();
        assertEquals(List.of("escape", "guest", "link"), vm.stream().map(DirEntry::name).toList());
        // ".." never climbs above the base: the link resolves inside it, where there is no /etc/hostname.
        assertThrows(org.jgrub.core.error.JgrubException.class,
                () -> PathResolver.resolve(fs, "/vm/escape", PathResolver.FinalLink.FOLLOW));
    }

    @Test
    void hostDeviceOnlyWhenEnabled() throws Exception {
        try (Disks disks = Disks.open(DeviceMap.of(List.of(), null))) {
            assertThrows(UsageException.class, () -> disks.device(DevicePath.parse("(host)/etc")));
            disks.enableHost(dir);
            assertEquals("host", disks.device(DevicePath.parse("(host)/etc")).name());
            assertEquals("hostfs", disks.requireFileSystem(DevicePath.parse("(host)/")).typeName());
        }
    }
}
