package org.jgrub.core.x86;

/**
 * vCPU registers, numbered exactly as FreeBSD's {@code enum vm_reg_name}
 * ({@code sys/amd64/include/vmm.h}), so the bhyve backend passes {@link #number()} straight to
 * {@code vm_set_register}/{@code vm_set_desc}. The declaration order is the enum's order.
 */
public enum Register {
    RAX(Kind.GENERAL), RBX(Kind.GENERAL), RCX(Kind.GENERAL), RDX(Kind.GENERAL),
    RSI(Kind.GENERAL), RDI(Kind.GENERAL), RBP(Kind.GENERAL),
    R8(Kind.GENERAL), R9(Kind.GENERAL), R10(Kind.GENERAL), R11(Kind.GENERAL),
    R12(Kind.GENERAL), R13(Kind.GENERAL), R14(Kind.GENERAL), R15(Kind.GENERAL),
    CR0(Kind.CONTROL), CR3(Kind.CONTROL), CR4(Kind.CONTROL), DR7(Kind.DEBUG),
    RSP(Kind.GENERAL), RIP(Kind.GENERAL), RFLAGS(Kind.GENERAL),
    ES(Kind.SEGMENT), CS(Kind.SEGMENT), SS(Kind.SEGMENT), DS(Kind.SEGMENT), FS(Kind.SEGMENT), GS(Kind.SEGMENT),
    LDTR(Kind.SEGMENT), TR(Kind.SEGMENT), IDTR(Kind.TABLE), GDTR(Kind.TABLE),
    EFER(Kind.CONTROL), CR2(Kind.CONTROL),
    PDPTE0(Kind.OTHER), PDPTE1(Kind.OTHER), PDPTE2(Kind.OTHER), PDPTE3(Kind.OTHER),
    INTR_SHADOW(Kind.OTHER),
    DR0(Kind.DEBUG), DR1(Kind.DEBUG), DR2(Kind.DEBUG), DR3(Kind.DEBUG), DR6(Kind.DEBUG),
    ENTRY_INST_LENGTH(Kind.OTHER),
    FS_BASE(Kind.MSR), GS_BASE(Kind.MSR), KGS_BASE(Kind.MSR), TPR(Kind.OTHER);

    /** What sort of state a register is; decides how a backend sets it. */
    public enum Kind { GENERAL, CONTROL, DEBUG, SEGMENT, TABLE, MSR, OTHER }

    /** {@code VM_REG_LAST} in current FreeBSD (older trees stop at 45). */
    public static final int VM_REG_LAST = 49;

    private final Kind kind;

    Register(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The {@code enum vm_reg_name} value ({@code VM_REG_GUEST_<name>}). */
    public int number() {
        return ordinal();
    }

    /** The register with {@code enum vm_reg_name} value {@code number}. */
    public static Register ofNumber(int number) {
        Register[] all = values();
        if (number < 0 || number >= all.length) {
            throw new IllegalArgumentException("no vm_reg_name " + number);
        }
        return all[number];
    }
}
