package org.jgrub.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgrub.core.disk.DeviceMap;
import org.jgrub.core.disk.Disks;
import org.jgrub.core.error.UsageException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Which disk images the guest has: {@code -d} (hd0, hd1, … in order) and a grub-bhyve device map. */
public final class DiskOptions {
    @Option(names = {"-d", "--disk"}, paramLabel = "IMAGE", scope = ScopeType.INHERIT,
            description = "A guest disk image, opened read-only; the first is (hd0), the next (hd1), …")
    List<Path> disks = new ArrayList<>();

    @Option(names = {"-m", "--device-map"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A device map in grub-bhyve's syntax: lines like (hd0) /path/disk.img or "
                    + "(cd0) \"/path with spaces/x.iso\"; # comments. Every bad line is an error (FILE:LINE).")
    Path deviceMap;

    /** Opens every image read-only. */
    public Disks open() throws UsageException {
        return Disks.open(DeviceMap.of(disks, deviceMap));
    }
}
