package org.jgrub.fs.ext2;

import org.jgrub.core.error.JgrubException;

/** Maps a file's logical blocks to disk blocks: an extent tree or an ext2 block map. */
interface BlockMap {
    /** The run that starts at logical block {@code logical} (length at least 1). */
    Run find(long logical) throws JgrubException;

    /** How many logical blocks the map can address at most. */
    long maxBlocks();
}
