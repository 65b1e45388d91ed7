package org.jgrub.cli.inspect;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jgrub.cli.JgrubCommand;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.disk.Disks;
import org.jgrub.core.disk.Partition;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.fs.FileSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jgrub -d disk.img probe}: every device, partition and filesystem jgrub finds. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"List the guest's disks, their partitions (scheme, start, size, type) and the filesystem "
                + "on each (type, label, UUID) — what to look at when a guest will not boot."})
public final class ProbeCommand implements Callable<Integer> {
    @ParentCommand
    JgrubCommand parent;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        int problems = 0;
        try (Disks disks = parent.disks().open()) {
            if (disks.driveNames().isEmpty()) {
                throw new org.jgrub.core.error.UsageException("no disk given: use -d IMAGE or -m DEVICE.MAP");
            }
            for (String drive : disks.driveNames()) {
                BlockDevice d = disks.drive(drive);
                out.printf("(%s) %s, %d bytes%n", drive, disks.drive(drive).path(), d.size());
                java.util.List<Partition> parts;
                try {
                    parts = disks.partitions(drive);
                } catch (JgrubException e) {
                    out.println("  partition table: error: " + e.getMessage());
                    problems++;
                    continue;
                }
                for (String note : disks.notes(drive)) {
                    out.println("  note: " + note);
                }
                if (parts.isEmpty()) {
                    problems += describe(out, disks, d, "  no partition table;");
                }
                for (Partition p : parts) {
                    var e = p.entry();
                    String head = String.format("  (%s) start %d size %d type %s%s", p.name(), e.startByte(),
                            e.sizeBytes(), e.type(), e.label().isEmpty() ? "" : " name \"" + e.label() + "\"");
                    problems += describe(out, disks, p, head);
                }
            }
        }
        return problems == 0 ? 0 : 1;
    }

    /** Prints one device's filesystem line; returns 1 when probing it failed. */
    private static int describe(PrintStream out, Disks disks, BlockDevice dev, String head) {
        try {
            Optional<FileSystem> fs = disks.fileSystem(dev);
            if (fs.isEmpty()) {
                out.println(head + " no known filesystem");
                return 0;
            }
            FileSystem f = fs.get();
            out.println(head + " " + f.typeName() + f.label().map(l -> " label \"" + l + "\"").orElse("")
                    + f.uuid().map(u -> " uuid " + u).orElse(""));
            for (String w : f.warnings()) {
                out.println("    warning: " + w);
            }
            return 0;
        } catch (JgrubException e) {
            out.println(head + " error: " + e.getMessage());
            return 1;
        }
    }
}
