package org.jgrub.cli.grub;

import java.util.List;
import java.util.Optional;

/**
 * Everything the script interpreter needs from outside the language: files and devices of the
 * guest, and somewhere to print. jgrub implements it over its disk and filesystem readers; tests
 * implement it in memory. Loader commands (linux, initrd, boot, ls, cat...) are not part of this
 * interface: register them in {@link GrubInterpreter#commands()}.
 */
public interface GrubHost {

    /**
     * The text of a file, decompressed if the file is compressed (as GRUB's file filters do).
     *
     * @throws GrubError e.g. {@code file `/x' not found} ({@link GrubError#FILE_NOT_FOUND}),
     *                   {@code disk `hd9' not found} ({@link GrubError#UNKNOWN_DEVICE})
     */
    String readText(GrubPath path);

    /** What exists at path (a device with an empty path or "/" is its root directory). */
    Optional<FileInfo> stat(GrubPath path);

    /**
     * Names (not paths) in a directory, in the filesystem's order.
     *
     * @throws GrubError if it is not a directory or cannot be read
     */
    List<String> listDirectory(GrubPath path);

    /** Device names as GRUB names them, in GRUB's probing order: "hd0", "hd0,msdos1", "hd0,gpt2", "cd0"... */
    List<String> devices();

    /** The filesystem UUID of a device, as GRUB prints it (empty when no filesystem or no UUID). */
    Optional<String> fsUuid(String device);

    /** The filesystem label of a device. */
    Optional<String> fsLabel(String device);

    /** Writes text to the console (echo output; error lines end with a newline). */
    void print(String text);
}
