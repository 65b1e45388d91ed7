package org.jgrub.core.x86;

/** The EFER MSR and its bits (Intel SDM vol. 3, 2.2.1; FreeBSD {@code specialreg.h}). */
public final class Efer {
    /** {@code MSR_EFER}. */
    public static final long MSR = 0xc0000080L;
    public static final long SCE = 0x001L;
    public static final long LME = 0x100L;
    /** Long mode active: set by the CPU when paging is enabled with LME; writes are ignored. */
    public static final long LMA = 0x400L;
    public static final long NXE = 0x800L;

    private Efer() {}
}
