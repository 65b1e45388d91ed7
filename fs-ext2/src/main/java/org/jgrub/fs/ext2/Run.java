package org.jgrub.fs.ext2;

/**
 * A stretch of a file's logical blocks that maps to consecutive disk blocks, or reads as zeros
 * (a hole, or an uninitialised extent) when {@code physical} is {@link #ZEROS}.
 */
record Run(long logical, long length, long physical) {
    static final long ZEROS = -1;

    boolean zeros() {
        return physical == ZEROS;
    }
}
