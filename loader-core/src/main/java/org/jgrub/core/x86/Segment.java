package org.jgrub.core.x86;

/**
 * One segment register as a VMCS (and so bhyve) holds it: the visible selector and the hidden
 * base, byte-granular limit and access rights ({@link AccessRights}).
 */
public record Segment(int selector, long base, long limit, int access) {
    public Segment {
        if (selector < 0 || selector > 0xffff) {
            throw new IllegalArgumentException("selector 0x" + Integer.toHexString(selector) + " is not 16-bit");
        }
        if (limit < 0 || limit > 0xffff_ffffL) {
            throw new IllegalArgumentException("limit 0x" + Long.toHexString(limit) + " is not 32-bit");
        }
        if ((access & ~AccessRights.DEFINED) != 0) {
            throw new IllegalArgumentException("access 0x" + Integer.toHexString(access) + " has undefined bits");
        }
    }

    public static Segment of(int selector, long base, long limit, int access) {
        return new Segment(selector, base, limit, access);
    }

    public boolean usable() {
        return (access & AccessRights.UNUSABLE) == 0;
    }

    /** Index of the selector in its descriptor table. */
    public int index() {
        return selector >> 3;
    }

    /** Table indicator: the selector names the LDT. */
    public boolean inLdt() {
        return (selector & 4) != 0;
    }

    public int rpl() {
        return selector & 3;
    }

    /** Whether (base, limit, access) fits an 8-byte descriptor exactly. */
    public boolean encodable() {
        if (base > 0xffff_ffffL || base < 0) {
            return false;
        }
        if ((access & AccessRights.G) != 0) {
            return (limit & 0xfff) == 0xfff;
        }
        return limit <= 0xfffff;
    }

    /**
     * The 8-byte legacy descriptor holding this segment (Intel SDM vol. 3, 3.4.5): limit 15:0,
     * base 23:0, access byte, limit 19:16 with AVL/L/D/G, base 31:24.
     */
    public long toGdtEntry() {
        if (!encodable()) {
            throw new IllegalArgumentException("segment " + this + " has no exact 8-byte descriptor");
        }
        long lim = (access & AccessRights.G) != 0 ? limit >>> 12 : limit;
        long d = lim & 0xffffL;
        d |= (base & 0xff_ffffL) << 16;
        d |= (long) (access & 0xff) << 40;
        d |= ((lim >>> 16) & 0xfL) << 48;
        d |= (long) ((access >>> 12) & 0xf) << 52;
        d |= ((base >>> 24) & 0xffL) << 56;
        return d;
    }

    @Override
    public String toString() {
        return String.format("sel=0x%x base=0x%x limit=0x%x access=0x%x", selector, base, limit, access);
    }
}
