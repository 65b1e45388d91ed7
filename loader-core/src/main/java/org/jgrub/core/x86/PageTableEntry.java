package org.jgrub.core.x86;

/** x86 page-table entry bits (Intel SDM vol. 3, 4.5; FreeBSD {@code sys/amd64/include/pmap.h} X86_PG_*). */
public final class PageTableEntry {
    public static final long PG_V = 0x001L;
    public static final long PG_RW = 0x002L;
    public static final long PG_U = 0x004L;
    /** Page size: a 2 MiB (or 1 GiB, 4 MiB) leaf rather than a pointer to the next table. */
    public static final long PG_PS = 0x080L;
    public static final long PG_NX = 1L << 63;
    /** Physical-address bits of a 64-bit entry (MAXPHYADDR 52). */
    public static final long PG_FRAME = 0x000f_ffff_ffff_f000L;
    /** Entries per 4 KiB table of 8-byte entries. */
    public static final int ENTRIES = 512;
    public static final long PAGE_SIZE = 4096;
    public static final long LARGE_PAGE = 2L << 20;
    public static final long HUGE_PAGE = 1L << 30;

    private PageTableEntry() {}
}
