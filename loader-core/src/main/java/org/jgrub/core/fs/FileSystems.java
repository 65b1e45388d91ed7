package org.jgrub.core.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.NotThisFormatException;

/** The filesystem types on the class path, and probing a device with each. */
public final class FileSystems {
    private FileSystems() {}

    public static List<FileSystemType> types() {
        List<FileSystemType> out = new ArrayList<>();
        ServiceLoader.load(FileSystemType.class, FileSystems.class.getClassLoader()).forEach(out::add);
        out.sort(java.util.Comparator.comparing(FileSystemType::name));
        return out;
    }

    /**
     * The filesystem on {@code device}, or empty when no type recognises it. A type that
     * recognises the device but finds it broken or unsupported ends the probe with its error.
     */
    public static Optional<FileSystem> probe(BlockDevice device) throws JgrubException {
        for (FileSystemType t : types()) {
            try {
                return Optional.of(t.open(device));
            } catch (NotThisFormatException notThis) {
                // next type
            }
        }
        return Optional.empty();
    }
}
