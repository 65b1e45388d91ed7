package org.jgrub.core.disk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.FileSystems;

/**
 * The guest's drives, opened read-only, with their partitions and filesystems found on demand
 * and remembered: what a {@link DevicePath} names.
 */
public final class Disks implements AutoCloseable {
    private final Map<String, ImageFile> drives = new LinkedHashMap<>();
    private final Map<String, List<Partition>> partitions = new HashMap<>();
    private final Map<String, List<String>> notes = new HashMap<>();
    private final Map<String, Optional<FileSystem>> fileSystems = new HashMap<>();
    private org.jgrub.core.fs.host.HostFileSystem host;

    /**
     * Makes grub-bhyve's {@code (host)} device available: the host's files under {@code base},
     * read-only. Only for {@code -r host}, where the configuration itself lives on the host.
     */
    public void enableHost(java.nio.file.Path base) {
        host = new org.jgrub.core.fs.host.HostFileSystem(base);
        fileSystems.put(org.jgrub.core.fs.host.HostFileSystem.DEVICE, Optional.of(host));
    }

    private Disks() {}

    public static Disks open(DeviceMap map) throws UsageException {
        Disks d = new Disks();
        try {
            for (var e : map.drives().entrySet()) {
                d.drives.put(e.getKey(), ImageFile.open(e.getKey(), e.getValue()));
            }
        } catch (UsageException | RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    public List<String> driveNames() {
        return List.copyOf(drives.keySet());
    }

    public ImageFile drive(String name) throws UsageException {
        ImageFile f = drives.get(name);
        if (f == null) {
            throw new UsageException("no such disk `(" + name + ")'" + (drives.isEmpty()
                    ? " (no disk was given: use -d IMAGE or -m DEVICE.MAP)"
                    : " (disks: " + String.join(", ", drives.keySet().stream().map(n -> "(" + n + ")").toList()) + ")"));
        }
        return f;
    }

    /** Every partition of a drive, parents first (cached). */
    public List<Partition> partitions(String drive) throws JgrubException {
        List<Partition> p = partitions.get(drive);
        if (p == null) {
            List<String> found = new ArrayList<>();
            p = PartitionScanner.scan(drive(drive), found::add);
            partitions.put(drive, p);
            notes.put(drive, List.copyOf(found));
        }
        return p;
    }

    /** What scanning a drive's partition tables noticed (e.g. that the backup GPT was used). */
    public List<String> notes(String drive) throws JgrubException {
        partitions(drive);
        return notes.get(drive);
    }

    /** The device a path names: the drive itself or one of its (nested) partitions. */
    public BlockDevice device(DevicePath path) throws JgrubException {
        if (path.drive() == null) {
            throw new UsageException("`" + path.path() + "' names no device; write it as (hd0,gpt2)" + path.path());
        }
        if (path.drive().equals(org.jgrub.core.fs.host.HostFileSystem.DEVICE)) {
            if (host == null || !path.partitions().isEmpty()) {
                throw new UsageException("the (host) device exists only with -r host, and has no partitions");
            }
            return host.device();
        }
        BlockDevice current = drive(path.drive());
        String prefix = path.drive();
        for (String part : path.partitions()) {
            BlockDevice match = null;
            for (Partition p : partitions(path.drive())) {
                if (p.parent() != current) {
                    continue;
                }
                PartitionEntry e = p.entry();
                if (part.equals(e.scheme() + e.number()) || part.equals(Integer.toString(e.number()))) {
                    match = p;
                    break;
                }
            }
            if (match == null) {
                throw new UsageException("no partition `" + part + "' on (" + prefix + ")");
            }
            current = match;
            prefix = current.name();
        }
        return current;
    }

    /** The filesystem on a device, or empty when none is recognised (cached). */
    public Optional<FileSystem> fileSystem(BlockDevice device) throws JgrubException {
        Optional<FileSystem> fs = fileSystems.get(device.name());
        if (fs == null) {
            fs = FileSystems.probe(device);
            fileSystems.put(device.name(), fs);
        }
        return fs;
    }

    /** The filesystem a path's device holds, or an error naming the device. */
    public FileSystem requireFileSystem(DevicePath path) throws JgrubException {
        BlockDevice dev = device(path);
        return fileSystem(dev).orElseThrow(() -> new JgrubException("unknown filesystem on (" + dev.name() + ")"));
    }

    /** Every device: each drive followed by its partitions. */
    public List<BlockDevice> allDevices() throws JgrubException {
        List<BlockDevice> out = new ArrayList<>();
        for (String d : drives.keySet()) {
            out.add(drives.get(d));
            out.addAll(partitions(d));
        }
        return out;
    }

    @Override
    public void close() {
        drives.values().forEach(ImageFile::close);
    }
}
