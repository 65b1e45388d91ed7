package org.jgrub.core.x86;

/**
 * Segment access rights in the Intel VMCS format that bhyve's {@code vm_set_desc} takes
 * (Intel SDM vol. 3, "Guest Register State", table 25-2; FreeBSD {@code sys/amd64/include/vmm.h}
 * and {@code sys/x86/include/segments.h}): bits 3:0 type, 4 S, 6:5 DPL, 7 P, 12 AVL, 13 L,
 * 14 D/B, 15 G, 16 unusable. Bits 15:8 of this value are bits 23:16 of a GDT descriptor's
 * high dword shifted down, which is how {@link Segment#toGdtEntry()} encodes it.
 */
public final class AccessRights {
    public static final int TYPE_MASK = 0x0f;
    /** Type bit 0 of a code/data segment: "accessed". */
    public static final int TYPE_ACCESSED = 0x01;
    /** Type bit 3 of a code/data segment: code. */
    public static final int TYPE_CODE = 0x08;
    /** Type bit 1: readable code / writable data. */
    public static final int TYPE_RW = 0x02;
    /** System-segment types (S = 0). */
    public static final int TYPE_LDT = 0x2;
    public static final int TYPE_TSS_16_BUSY = 0x3;
    public static final int TYPE_TSS_AVAILABLE = 0x9;
    public static final int TYPE_TSS_BUSY = 0xb;
    /** S: code or data (1), system (0). */
    public static final int S = 0x10;
    public static final int DPL_SHIFT = 5;
    public static final int P = 0x80;
    public static final int AVL = 0x1000;
    /** 64-bit code segment. */
    public static final int L = 0x2000;
    /** Default operation size 32 bit / big. */
    public static final int DB = 0x4000;
    /** Limit in 4 KiB units. */
    public static final int G = 0x8000;
    /** {@code DESC_UNUSABLE}: the register holds no usable segment. */
    public static final int UNUSABLE = 0x10000;
    /** Every bit the format defines. */
    public static final int DEFINED = TYPE_MASK | S | (3 << DPL_SHIFT) | P | AVL | L | DB | G | UNUSABLE;

    private AccessRights() {}

    public static int type(int access) {
        return access & TYPE_MASK;
    }

    public static int dpl(int access) {
        return (access >> DPL_SHIFT) & 3;
    }

    public static boolean isSet(int access, int bit) {
        return (access & bit) != 0;
    }

    public static String describe(int access) {
        if (isSet(access, UNUSABLE)) {
            return "unusable";
        }
        StringBuilder b = new StringBuilder();
        b.append(isSet(access, S) ? (isSet(access, TYPE_CODE) ? "code" : "data") : "system");
        b.append(" type ").append(type(access)).append(" dpl ").append(dpl(access));
        if (isSet(access, L)) {
            b.append(" 64-bit");
        } else if (isSet(access, DB)) {
            b.append(" 32-bit");
        }
        if (!isSet(access, P)) {
            b.append(" not-present");
        }
        return b.toString();
    }
}
