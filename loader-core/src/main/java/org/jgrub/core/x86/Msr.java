package org.jgrub.core.x86;

/** Model-specific register numbers jgrub writes (Intel SDM vol. 4; FreeBSD {@code specialreg.h}). */
public final class Msr {
    public static final long FS_BASE = 0xc0000100L;
    public static final long GS_BASE = 0xc0000101L;
    public static final long KERNEL_GS_BASE = 0xc0000102L;

    private Msr() {}
}
