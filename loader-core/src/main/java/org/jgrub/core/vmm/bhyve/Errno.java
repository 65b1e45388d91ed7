package org.jgrub.core.vmm.bhyve;

/**
 * Names for the errno values libvmmapi reports. Values 1–34 are the same on FreeBSD and Linux
 * (where the tests' stand-in library runs); others are shown as numbers only.
 */
public final class Errno {
    public static final int ENOENT = 2;
    public static final int ENOMEM = 12;
    public static final int EEXIST = 17;
    public static final int EINVAL = 22;

    private static final String[] NAMES = {null, "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG",
        "ENOEXEC", "EBADF", "ECHILD", null, "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV",
        "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC",
        "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE"};

    private Errno() {}

    /** {@code errno 12 (ENOMEM)}. */
    public static String describe(int errno) {
        String name = errno > 0 && errno < NAMES.length ? NAMES[errno] : null;
        return "errno " + errno + (name != null ? " (" + name + ")" : "");
    }
}
