package org.jgrub.core.x86;

/** CR0 bits (Intel SDM vol. 3, 2.5; FreeBSD {@code sys/x86/include/specialreg.h}). */
public final class Cr0 {
    public static final long PE = 0x00000001L;
    public static final long MP = 0x00000002L;
    public static final long EM = 0x00000004L;
    public static final long TS = 0x00000008L;
    public static final long ET = 0x00000010L;
    public static final long NE = 0x00000020L;
    public static final long WP = 0x00010000L;
    public static final long AM = 0x00040000L;
    public static final long NW = 0x20000000L;
    public static final long CD = 0x40000000L;
    public static final long PG = 0x80000000L;

    private Cr0() {}
}
