package org.jgrub.core.fs;

import java.util.Optional;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.error.JgrubException;

/**
 * A mounted, read-only filesystem. It implements directory iteration and reading file contents
 * only; paths ({@code .}, {@code ..}, symlinks) are resolved once for every filesystem by
 * {@link PathResolver}.
 */
public interface FileSystem {
    /** The device it lives on. */
    BlockDevice device();

    /** What {@code probe} shows: {@code ext2}, {@code ext4}, {@code ufs2}. */
    String typeName();

    Optional<String> label();

    /** The UUID as GRUB's {@code search --fs-uuid} spells it (ext: {@code 8-4-4-4-12} lower case). */
    Optional<String> uuid();

    Node root() throws JgrubException;

    /** The node a {@link DirEntry} names. */
    Node node(long id) throws JgrubException;

    /** Warnings worth one line each (e.g. "needs journal recovery; read as it stands"). */
    default java.util.List<String> warnings() {
        return java.util.List.of();
    }
}
