package org.jgrub.cli.grub;

/** What {@link GrubHost#stat} knows of an existing path. */
public record FileInfo(boolean directory, long size) {
    public static FileInfo file(long size) {
        return new FileInfo(false, size);
    }

    public static FileInfo dir() {
        return new FileInfo(true, 0);
    }
}
