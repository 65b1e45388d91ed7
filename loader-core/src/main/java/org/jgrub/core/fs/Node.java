package org.jgrub.core.fs;

import java.nio.ByteBuffer;
import java.util.List;
import org.jgrub.core.error.JgrubException;

/** A file, directory or symlink of a {@link FileSystem}. */
public interface Node {
    long id();

    NodeType type();

    /** Size in bytes (for a symlink: the target's length). */
    long size();

    /** Modification time, seconds since the epoch (for {@code ls -l}). */
    long mtime();

    /**
     * The directory's entries, without {@code .} and {@code ..}, in on-disk order. Only for
     * directories. Implementations bound the work by the directory's size and detect loops.
     */
    List<DirEntry> list() throws JgrubException;

    /**
     * Copies file bytes from {@code position} into {@code dst} until {@code dst} is full or the
     * file ends; holes and uninitialised extents read as zeros. Returns the number of bytes
     * copied ({@code 0} at or past the end). {@code dst} may be a direct buffer over guest memory:
     * file data is streamed, never gathered into one array.
     */
    int read(long position, ByteBuffer dst) throws JgrubException;

    /** The target of a symlink. */
    String readLink() throws JgrubException;

    /** Finds one child by name; directories with an index (ext4 htree) may do better than a scan. */
    default java.util.Optional<DirEntry> lookup(String name) throws JgrubException {
        for (DirEntry e : list()) {
            if (e.name().equals(name)) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }
}
