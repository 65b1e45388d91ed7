package org.jgrub.cli.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.disk.DevicePath;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.fs.DirEntry;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.NodeType;

/**
 * Finds the guest's boot configuration. With grub-bhyve's options the answer is fixed:
 * {@code (ROOT)DIR/CFG} ({@code -r}, {@code --grub-dir}, {@code -g}; defaults {@code /boot/grub} and
 * {@code grub.cfg}). Without them jgrub looks where distributions put it — what grub-bhyve users
 * otherwise find out by trial ({@code grub_run_partition}, {@code grub_run_dir}) — on hd0's
 * partitions in order, then hd0 itself, then the other disks.
 */
public final class ConfigLocator {
    /** What kind of configuration a file is. */
    public enum Kind { GRUB_CFG, BLS, LEGACY }

    /** A configuration that was found: device, path on it, kind. */
    public record Found(DevicePath device, String path, Kind kind) {
        public String describe() {
            return device.device() + path + (kind == Kind.BLS ? " (BLS entries)" : kind == Kind.LEGACY ? " (GRUB legacy)" : "");
        }
    }

    /** GRUB 2 configs, in the order jgrub tries them. */
    public static final List<String> GRUB_CFG = List.of("/boot/grub/grub.cfg", "/grub/grub.cfg",
            "/boot/grub2/grub.cfg", "/grub2/grub.cfg");
    /** Boot Loader Specification entry directories. */
    public static final List<String> BLS_DIRS = List.of("/boot/loader/entries", "/loader/entries");
    /** GRUB legacy configs (CentOS 6 and older). */
    public static final List<String> LEGACY = List.of("/boot/grub/menu.lst", "/grub/menu.lst", "/boot/grub/grub.conf",
            "/grub/grub.conf");

    private final GuestFiles files;

    public ConfigLocator(GuestFiles files) {
        this.files = files;
    }

    /** Every place looked at, for the error when nothing is found. */
    private final List<String> looked = new ArrayList<>();

    public List<String> looked() {
        return List.copyOf(looked);
    }

    /** The first configuration found, searching devices in jgrub's order. */
    public Optional<Found> search() throws JgrubException {
        for (DevicePath dev : candidates()) {
            Optional<Found> f = searchOn(dev);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** The first configuration on one device (GRUB 2 config, BLS entries, then GRUB legacy). */
    public Optional<Found> searchOn(DevicePath dev) {
        for (Kind kind : Kind.values()) {
            Optional<Found> f = on(dev, kind);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** The first device, in jgrub's order, that holds {@code path} as a GRUB 2 config. */
    public Optional<Found> searchFor(String path) throws JgrubException {
        for (DevicePath dev : candidates()) {
            looked.add(dev.device() + path);
            if (files.exists(path, dev, NodeType.FILE)) {
                return Optional.of(new Found(dev, path, Kind.GRUB_CFG));
            }
        }
        return Optional.empty();
    }

    private Optional<Found> on(DevicePath dev, Kind kind) {
        List<String> paths = kind == Kind.GRUB_CFG ? GRUB_CFG : kind == Kind.BLS ? BLS_DIRS : LEGACY;
        for (String p : paths) {
            looked.add(dev.device() + p);
            if (kind == Kind.BLS) {
                if (hasBlsEntries(p, dev)) {
                    return Optional.of(new Found(dev, p, kind));
                }
            } else if (files.exists(p, dev, NodeType.FILE)) {
                return Optional.of(new Found(dev, p, kind));
            }
        }
        return Optional.empty();
    }

    private boolean hasBlsEntries(String dir, DevicePath dev) {
        try {
            Node n = files.node(dir, dev);
            if (n.type() != NodeType.DIRECTORY) {
                return false;
            }
            for (DirEntry e : n.list()) {
                if (e.name().endsWith(".conf")) {
                    return true;
                }
            }
        } catch (JgrubException e) {
            // not there
        }
        return false;
    }

    /** hd0's partitions, hd0, then the other drives' partitions and themselves; only devices with a filesystem. */
    private List<DevicePath> candidates() throws JgrubException {
        List<DevicePath> out = new ArrayList<>();
        List<String> drives = new ArrayList<>(files.disks().driveNames());
        if (drives.remove("hd0")) {
            drives.add(0, "hd0");
        }
        for (String d : drives) {
            List<BlockDevice> devs = new ArrayList<>(files.disks().partitions(d));
            devs.add(files.disks().drive(d));
            for (BlockDevice b : devs) {
                try {
                    if (files.disks().fileSystem(b).isPresent()) {
                        out.add(DevicePath.parse("(" + b.name() + ")"));
                    }
                } catch (JgrubException unreadable) {
                    // a broken filesystem cannot hold the config; the search goes on
                }
            }
        }
        return out;
    }
}
