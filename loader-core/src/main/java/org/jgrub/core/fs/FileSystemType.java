package org.jgrub.core.fs;

import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.error.JgrubException;

/**
 * A filesystem implementation, registered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.jgrub.core.fs.FileSystemType}) — GRUB's per-filesystem ops table.
 * loader-core never names a concrete filesystem.
 */
public interface FileSystemType {
    /** Short name for messages and {@code probe}: {@code ext2}, {@code ufs}. */
    String name();

    /**
     * Opens {@code device} read-only. Throws {@link org.jgrub.core.error.NotThisFormatException}
     * quickly (a magic number, a few bytes) when the device holds another format, so probing can
     * move on; {@link org.jgrub.core.error.CorruptStructureException} when it is this format but
     * broken; {@link org.jgrub.core.error.UnsupportedFeatureException} for a feature jgrub refuses.
     */
    FileSystem open(BlockDevice device) throws JgrubException;
}
