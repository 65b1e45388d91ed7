package org.jgrub.core.x86;

/** RFLAGS bits (Intel SDM vol. 1, 3.4.3). */
public final class Rflags {
    /** Bit 1 is reserved and always reads 1: the reset value of RFLAGS is 0x2. */
    public static final long RESERVED_1 = 0x2L;
    public static final long TF = 0x100L;
    public static final long IF = 0x200L;
    public static final long DF = 0x400L;
    public static final long VM = 0x20000L;

    private Rflags() {}
}
