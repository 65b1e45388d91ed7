package org.jgrub.core.x86;

/** The two modes in which jgrub enters a guest. */
public enum CpuMode {
    /** 32-bit flat protected mode, paging off: grub-bhyve's Linux entry and the boot protocol's 32-bit entry. */
    PROTECTED_32,
    /** 64-bit long mode with identity paging: bhyveload's FreeBSD entry and the seed's demo. */
    LONG_64;

    /** The mode a state enters: long mode when EFER.LME and CR0.PG are set and CS is a 64-bit segment. */
    public static CpuMode of(VcpuState state) {
        long efer = state.valueOr(Register.EFER, 0);
        long cr0 = state.valueOr(Register.CR0, 0);
        Segment cs = state.segment(Register.CS);
        boolean longMode = (efer & Efer.LME) != 0 && (cr0 & Cr0.PG) != 0;
        if (longMode && cs != null && (cs.access() & AccessRights.L) != 0) {
            return LONG_64;
        }
        return PROTECTED_32;
    }
}
