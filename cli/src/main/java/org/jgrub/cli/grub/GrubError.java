package org.jgrub.cli.grub;

/**
 * A GRUB error: a {@code grub_err_t} number and its message. Commands throw it to fail;
 * the interpreter prints {@code error: MESSAGE.} (except for {@link #TEST_FAILURE}, which is
 * the silent "false" of {@code test}, {@code false} and friends) and stores the number in {@code $?}.
 */
public class GrubError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    // Numbers as in GRUB 2's include/grub/err.h.
    public static final int NONE = 0;
    public static final int TEST_FAILURE = 1;
    public static final int BAD_MODULE = 2;
    public static final int OUT_OF_MEMORY = 3;
    public static final int BAD_FILE_TYPE = 4;
    public static final int FILE_NOT_FOUND = 5;
    public static final int FILE_READ_ERROR = 6;
    public static final int BAD_FILENAME = 7;
    public static final int UNKNOWN_FS = 8;
    public static final int BAD_FS = 9;
    public static final int BAD_NUMBER = 10;
    public static final int OUT_OF_RANGE = 11;
    public static final int UNKNOWN_DEVICE = 12;
    public static final int BAD_DEVICE = 13;
    public static final int READ_ERROR = 14;
    public static final int WRITE_ERROR = 15;
    public static final int UNKNOWN_COMMAND = 16;
    public static final int INVALID_COMMAND = 17;
    public static final int BAD_ARGUMENT = 18;

    private final int code;

    public GrubError(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The grub_err_t number (never 0). */
    public int code() {
        return code;
    }

    public static GrubError fileNotFound(String path) {
        return new GrubError(FILE_NOT_FOUND, "file `" + path + "' not found");
    }

    public static GrubError badArgument(String message) {
        return new GrubError(BAD_ARGUMENT, message);
    }

    public static GrubError testFailure() {
        return new GrubError(TEST_FAILURE, "false");
    }
}
