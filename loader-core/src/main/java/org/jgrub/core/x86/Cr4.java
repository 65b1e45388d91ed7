package org.jgrub.core.x86;

/** CR4 bits (Intel SDM vol. 3, 2.5; FreeBSD {@code sys/x86/include/specialreg.h}). */
public final class Cr4 {
    public static final long VME = 0x00000001L;
    public static final long PVI = 0x00000002L;
    public static final long TSD = 0x00000004L;
    public static final long DE = 0x00000008L;
    public static final long PSE = 0x00000010L;
    public static final long PAE = 0x00000020L;
    public static final long MCE = 0x00000040L;
    public static final long PGE = 0x00000080L;
    public static final long PCE = 0x00000100L;
    public static final long OSFXSR = 0x00000200L;
    public static final long OSXMMEXCPT = 0x00000400L;
    public static final long LA57 = 0x00001000L;
    public static final long VMXE = 0x00002000L;
    public static final long FSGSBASE = 0x00010000L;
    public static final long PCIDE = 0x00020000L;
    public static final long OSXSAVE = 0x00040000L;
    public static final long SMEP = 0x00100000L;
    public static final long SMAP = 0x00200000L;

    private Cr4() {}
}
