package org.jgrub.core.vmm.qemu;

import static org.jgrub.core.x86.AccessRights.DB;
import static org.jgrub.core.x86.AccessRights.P;
import static org.jgrub.core.x86.AccessRights.S;
import static org.jgrub.core.x86.AccessRights.TYPE_ACCESSED;
import static org.jgrub.core.x86.AccessRights.TYPE_CODE;
import static org.jgrub.core.x86.AccessRights.TYPE_RW;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jgrub.core.error.UnsupportedFeatureException;
import org.jgrub.core.memory.GuestMemory;
import org.jgrub.core.x86.AccessRights;
import org.jgrub.core.x86.Cr0;
import org.jgrub.core.x86.Cr4;
import org.jgrub.core.x86.DescriptorTable;
import org.jgrub.core.x86.Efer;
import org.jgrub.core.x86.Msr;
import org.jgrub.core.x86.PageTableWalker;
import org.jgrub.core.x86.Register;
import org.jgrub.core.x86.Rflags;
import org.jgrub.core.x86.Segment;
import org.jgrub.core.x86.VcpuState;

/**
 * A 64 KiB firmware image that, run by QEMU from reset, puts the boot vCPU into exactly a given
 * {@link VcpuState} and jumps to its RIP — what bhyve does when a loader has set the registers
 * through {@code vm_set_register}/{@code vm_set_desc}.
 *
 * <p>How: QEMU maps a {@code -bios} image so that it ends at 4 GiB and, for its last 128 KiB,
 * also below 1 MiB (the "isa-bios" alias), so a 64 KiB image appears at {@code 0xF0000}. The CPU
 * starts at {@code F000:FFF0}; the ROM jumps into the low alias at once and runs from there, so
 * its code stays reachable once the guest's page tables are live (which is checked: the guest
 * must identity-map {@code 0xF0000-0xFFFFF}). It loads a temporary GDT from the ROM holding, at
 * every selector the state names, a descriptor that reproduces that segment's (base, limit,
 * access), plus flat code/data for itself at unused slots; enters protected mode; sets CR4, CR3,
 * EFER and CR0 (entering long mode when the state does); far-jumps to the state's CS; loads
 * DS/ES/FS/GS, TR, LDTR, RFLAGS (popped from the ROM, nothing is written to guest memory) and SS;
 * loads the guest's own GDTR and IDTR; sets every general register; and jumps to RIP through a
 * slot in the ROM. The guest's RAM is never written.
 *
 * <p>What the CPU cannot load from a descriptor keeps its reset value and is reported in
 * {@link #notes()}: a TR with a null selector, the accessed bit (always set, since the ROM's
 * descriptors cannot be written). A state that cannot be reproduced at all is refused with an
 * {@link UnsupportedFeatureException} rather than booting something else.
 */
public final class ResetRom {
    public static final int SIZE = 64 * 1024;
    /** Where QEMU's isa-bios alias shows the last 64 KiB of the ROM below 1 MiB. */
    public static final long LOW_ALIAS = 0xF0000;
    /** The reset vector 0xFFFFFFF0 as an offset into the ROM (which ends at 4 GiB). */
    public static final int RESET_VECTOR = 0xFFF0;
    /** Real-mode segment of the low alias. */
    private static final int ALIAS_SEGMENT = 0xF000;
    /** Room left for code and data above the temporary GDT. */
    private static final int CODE_ROOM = 0x1000;

    private static final Register[] DATA_SEGMENTS = {Register.DS, Register.ES, Register.FS, Register.GS};
    private static final Register[] GPRS = {Register.RAX, Register.RCX, Register.RDX, Register.RBX, Register.RSP,
            Register.RBP, Register.RSI, Register.RDI, Register.R8, Register.R9, Register.R10, Register.R11,
            Register.R12, Register.R13, Register.R14, Register.R15};
    private static final Segment FLAT_CODE32 = Segment.of(0, 0, 0xffff_ffffL, AccessRights.G | DB | P | S | TYPE_CODE
            | TYPE_RW | TYPE_ACCESSED);
    private static final Segment FLAT_DATA32 = Segment.of(0, 0, 0xffff_ffffL, AccessRights.G | DB | P | S | TYPE_RW
            | TYPE_ACCESSED);

    private final byte[] image;
    private final List<String> notes;

    private ResetRom(byte[] image, List<String> notes) {
        this.image = image;
        this.notes = List.copyOf(notes);
    }

    public byte[] image() {
        return image.clone();
    }

    /** Where the result differs from the state in ways the guest cannot rely on anyway. */
    public List<String> notes() {
        return notes;
    }

    /**
     * Builds the ROM for {@code state}; {@code memory} is read (never written) to check that the
     * guest's page tables keep the ROM reachable.
     */
    public static ResetRom build(VcpuState state, GuestMemory memory) throws UnsupportedFeatureException {
        return new Planner(state, memory).plan();
    }

    static UnsupportedFeatureException refuse(String why) {
        return new UnsupportedFeatureException("the qemu backend cannot reproduce this vCPU state: " + why);
    }

    /** Checks the state, plans the temporary GDT and emits the code. One use only. */
    private static final class Planner {
        private final VcpuState state;
        private final GuestMemory memory;
        private final List<String> notes = new ArrayList<>();
        private TemporaryGdt gdt;
        private boolean longMode;
        private boolean code64;

        Planner(VcpuState state, GuestMemory memory) {
            this.state = state;
            this.memory = memory;
        }

        ResetRom plan() throws UnsupportedFeatureException {
            long cr0 = required(Register.CR0);
            long cr4 = state.valueOr(Register.CR4, 0);
            long efer = state.valueOr(Register.EFER, 0);
            long cr3 = state.valueOr(Register.CR3, 0);
            required(Register.RIP);
            if ((cr0 & Cr0.PE) == 0) {
                throw refuse("CR0.PE is clear: real-mode entry is not supported");
            }
            if ((cr4 & Cr4.PCIDE) != 0) {
                throw refuse("CR4.PCIDE is set");
            }
            if ((cr4 >>> 32) != 0 || (cr0 >>> 32) != 0) {
                throw refuse("CR0/CR4 have bits above 31");
            }
            longMode = (cr0 & Cr0.PG) != 0 && (efer & Efer.LME) != 0;
            if (longMode && (cr4 & Cr4.PAE) == 0) {
                throw refuse("EFER.LME and CR0.PG without CR4.PAE");
            }
            if ((cr0 & Cr0.PG) != 0 && (cr3 >>> 32) != 0) {
                throw refuse(String.format("CR3 0x%x is above 4 GiB", cr3));
            }
            if (longMode != ((efer & Efer.LMA) != 0) && state.has(Register.EFER)) {
                notes.add(String.format("EFER.LMA follows CR0.PG and EFER.LME (the CPU sets it); the state has 0x%x", efer));
            }
            if ((cr0 & Cr0.ET) == 0) {
                notes.add("CR0.ET reads as 1 on every CPU since the 486; the state has it clear");
            }
            checkRomReachable(cr0);
            gdt = new TemporaryGdt(state, longMode, notes);
            Segment cs = gdt.planSegments();
            code64 = gdt.code64();

            for (Register r : Register.values()) {
                if ((r.kind() == Register.Kind.DEBUG || r.kind() == Register.Kind.OTHER) && state.has(r)) {
                    if (state.valueOr(r, 0) != 0) {
                        throw refuse(r + " = 0x" + Long.toHexString(state.valueOr(r, 0)) + " cannot be set by the reset ROM");
                    }
                }
            }
            long rflags = state.valueOr(Register.RFLAGS, Rflags.RESERVED_1);
            if ((rflags & (Rflags.TF | Rflags.VM)) != 0 || (rflags >>> 22) != 0) {
                throw refuse(String.format("RFLAGS 0x%x sets TF, VM or reserved bits", rflags));
            }
            if ((rflags & Rflags.RESERVED_1) == 0) {
                notes.add("RFLAGS bit 1 always reads 1");
            }
            List<String> unset = new ArrayList<>();
            for (Register r : GPRS) {
                if (!state.has(r)) {
                    unset.add(r.name());
                } else if (!code64 && (state.valueOr(r, 0) >>> 32) != 0) {
                    throw refuse(r + " has bits above 31 in 32-bit mode");
                } else if (!code64 && isExtended(r) && state.valueOr(r, 0) != 0) {
                    throw refuse(r + " does not exist in 32-bit mode but is set to a non-zero value");
                }
            }
            if (!unset.isEmpty()) {
                notes.add(String.join(" ", unset) + " are not set by the state; the ROM leaves them 0");
            }
            if (!code64 && (state.valueOr(Register.RIP, 0) >>> 32) != 0) {
                throw refuse("RIP has bits above 31 in 32-bit mode");
            }
            return emit(cr0, cr3, cr4, efer, rflags);
        }

        private void checkRomReachable(long cr0) throws UnsupportedFeatureException {
            if ((cr0 & Cr0.PG) == 0) {
                return;
            }
            PageTableWalker walker = new PageTableWalker(memory, state);
            for (long page = LOW_ALIAS; page < LOW_ALIAS + SIZE; page += 4096) {
                OptionalLong phys = walker.translate(page);
                if (phys.isEmpty() || phys.getAsLong() != page) {
                    throw refuse(String.format("the guest's page tables map linear 0x%x to %s, not to itself, so the"
                            + " reset ROM at 0xf0000-0xfffff would vanish when CR3 goes live", page,
                            phys.isEmpty() ? "nothing" : "0x" + Long.toHexString(phys.getAsLong())));
                }
            }
        }

        private long required(Register r) throws UnsupportedFeatureException {
            if (!state.has(r)) {
                throw refuse(r + " is not set");
            }
            return state.valueOr(r, 0);
        }

        private ResetRom emit(long cr0, long cr3, long cr4, long efer, long rflags) throws UnsupportedFeatureException {
            int romCode = gdt.addAtFreeSlot(FLAT_CODE32.toGdtEntry());
            int romData = gdt.addAtFreeSlot(FLAT_DATA32.toGdtEntry());
            int gdtBytes = gdt.sizeInBytes();
            if (gdtBytes > RESET_VECTOR - CODE_ROOM) {
                throw refuse("a selector index of " + gdt.highestIndex() + " needs a larger temporary GDT than the ROM holds");
            }
            byte[] image = new byte[SIZE];
            gdt.writeTo(image, LOW_ALIAS);
            int tmpGdtr = align(gdtBytes, 16);
            new RomAssembler(image, LOW_ALIAS, tmpGdtr).u16(gdtBytes - 1).u32(LOW_ALIAS);
            DescriptorTable guestGdt = state.table(Register.GDTR);
            if (guestGdt == null) {
                notes.add("GDTR is not set by the state; the ROM loads its reset value (base 0, limit 0xffff)");
                guestGdt = new DescriptorTable(0, 0xffff);
            }
            DescriptorTable guestIdt = state.table(Register.IDTR);
            if (!code64 && ((guestGdt.base() >>> 32) != 0 || (guestIdt != null && (guestIdt.base() >>> 32) != 0))) {
                throw refuse("GDTR/IDTR base above 4 GiB outside 64-bit mode");
            }
            int gdtrSlot = tmpGdtr + 8;
            new RomAssembler(image, LOW_ALIAS, gdtrSlot).u16(guestGdt.limit()).u64(guestGdt.base());
            int idtrSlot = gdtrSlot + 16;
            if (guestIdt != null) {
                new RomAssembler(image, LOW_ALIAS, idtrSlot).u16(guestIdt.limit()).u64(guestIdt.base());
            }
            int rflagsSlot = idtrSlot + 16;
            new RomAssembler(image, LOW_ALIAS, rflagsSlot).u64(rflags | Rflags.RESERVED_1);
            int ripSlot = rflagsSlot + 8;
            new RomAssembler(image, LOW_ALIAS, ripSlot).u64(state.valueOr(Register.RIP, 0));
            int codeStart = align(ripSlot + 8, 16);

            Segment cs = state.segment(Register.CS);
            // 16-bit: from the reset vector's far jump, running in the low alias.
            RomAssembler a = new RomAssembler(image, LOW_ALIAS, codeStart);
            a.cli().lgdtCs16(tmpGdtr).movEaxCr(0).orAl(1).movCrEax(0);
            int jmpTo32 = a.position();
            a.jmpFar16To32(romCode << 3, 0); // patched below
            // 32-bit, ROM's flat segments.
            long code32 = a.linear();
            new RomAssembler(image, LOW_ALIAS, jmpTo32).jmpFar16To32(romCode << 3, code32);
            a.movAxImm16(romData << 3).movSregAx(RomAssembler.SREG_SS);
            if (state.has(Register.CR4)) {
                a.movImm32(RomAssembler.EAX, cr4).movCrEax(4);
            }
            if (state.has(Register.CR3)) {
                a.movImm32(RomAssembler.EAX, cr3 & 0xffff_ffffL).movCrEax(3);
            }
            if (state.has(Register.EFER)) {
                long value = efer & ~Efer.LMA;
                a.movImm32(RomAssembler.ECX, Efer.MSR).movImm32(RomAssembler.EAX, value & 0xffff_ffffL)
                        .movImm32(RomAssembler.EDX, value >>> 32).wrmsr();
            }
            a.movImm32(RomAssembler.EAX, cr0).movCrEax(0);
            int jmpToFinal = a.position();
            a.jmpFar32(cs.selector(), 0); // patched below
            long finalLinear = a.linear();
            long finalOffset = code64 ? finalLinear : (finalLinear - cs.base()) & 0xffff_ffffL;
            if (!code64 && finalOffset + CODE_ROOM > cs.limit()) {
                throw refuse("CS " + cs + " does not reach the ROM at 0xf0000");
            }
            new RomAssembler(image, LOW_ALIAS, jmpToFinal).jmpFar32(cs.selector(), finalOffset);

            // Final mode, state's CS: data segments, MSRs, TR, LDTR.
            for (Register r : DATA_SEGMENTS) {
                Segment s = state.segment(r);
                int sel = s.usable() && s.selector() >= 4 ? s.selector() : 0;
                a.movAxImm16(sel).movSregAx(sreg(r));
            }
            if (code64) {
                writeMsrIfAbove4G(a, Register.FS, Msr.FS_BASE);
                writeMsrIfAbove4G(a, Register.GS, Msr.GS_BASE);
            }
            for (Register r : new Register[] {Register.FS_BASE, Register.GS_BASE}) {
                if (state.has(r)) {
                    Segment seg = state.segment(r == Register.FS_BASE ? Register.FS : Register.GS);
                    if (!code64 && seg.base() != state.valueOr(r, 0)) {
                        throw refuse(r + " differs from the segment's base outside 64-bit mode");
                    }
                    if (code64) {
                        wrmsr(a, r == Register.FS_BASE ? Msr.FS_BASE : Msr.GS_BASE, state.valueOr(r, 0));
                    }
                }
            }
            if (state.has(Register.KGS_BASE)) {
                wrmsr(a, Msr.KERNEL_GS_BASE, state.valueOr(Register.KGS_BASE, 0));
            }
            if (state.valueOr(Register.CR2, 0) != 0) {
                if (code64) {
                    a.movImm64(RomAssembler.EAX, state.valueOr(Register.CR2, 0));
                } else {
                    a.movImm32(RomAssembler.EAX, state.valueOr(Register.CR2, 0));
                }
                a.movCrEax(2);
            }
            Segment tr = state.segment(Register.TR);
            if (tr != null && tr.usable() && tr.selector() >= 4) {
                a.movAxImm16(tr.selector()).ltrAx();
            }
            Segment ldtr = state.segment(Register.LDTR);
            if (ldtr != null && (!ldtr.usable() || ldtr.selector() >= 4)) {
                a.movAxImm16(ldtr.usable() ? ldtr.selector() : 0).lldtAx();
            }
            // RFLAGS: pop it from the ROM (reads only), while SS is still the ROM's flat segment.
            if (code64) {
                a.leaRspRip(rflagsSlot);
            } else {
                a.movImm32(RomAssembler.ESP, LOW_ALIAS + rflagsSlot);
            }
            a.popf();
            Segment ss = state.segment(Register.SS);
            a.movAxImm16(ss.usable() && ss.selector() >= 4 ? ss.selector() : 0).movSregAx(RomAssembler.SREG_SS);
            // The guest's own tables; no segment is loaded after this.
            if (code64) {
                a.descriptorTableRip(2, gdtrSlot);
                if (guestIdt != null) {
                    a.descriptorTableRip(3, idtrSlot);
                }
            } else {
                a.descriptorTableCs32(2, (LOW_ALIAS + gdtrSlot - cs.base()) & 0xffff_ffffL);
                if (guestIdt != null) {
                    a.descriptorTableCs32(3, (LOW_ALIAS + idtrSlot - cs.base()) & 0xffff_ffffL);
                }
            }
            for (int i = 0; i < (code64 ? GPRS.length : 8); i++) {
                long v = state.valueOr(GPRS[i], 0);
                if (code64) {
                    a.movImm64(i, v);
                } else {
                    a.movImm32(i, v);
                }
            }
            if (code64) {
                a.jmpIndirectRip(ripSlot);
            } else {
                a.jmpIndirectCs32((LOW_ALIAS + ripSlot - cs.base()) & 0xffff_ffffL);
            }
            if (a.position() > RESET_VECTOR) {
                throw refuse("the ROM's code does not fit below the reset vector");
            }
            // The reset vector: jmp far F000:codeStart, into the low alias.
            new RomAssembler(image, LOW_ALIAS, RESET_VECTOR).u8(0xea).u16(codeStart).u16(ALIAS_SEGMENT);
            return new ResetRom(image, notes);
        }

        private void writeMsrIfAbove4G(RomAssembler a, Register seg, long msr) {
            Segment s = state.segment(seg);
            if (s.usable() && (s.base() >>> 32) != 0) {
                wrmsr(a, msr, s.base());
            }
        }

        private static void wrmsr(RomAssembler a, long msr, long value) {
            a.movImm32(RomAssembler.ECX, msr).movImm32(RomAssembler.EAX, value & 0xffff_ffffL)
                    .movImm32(RomAssembler.EDX, value >>> 32).wrmsr();
        }

        private static int sreg(Register r) {
            return switch (r) {
                case ES -> RomAssembler.SREG_ES;
                case DS -> RomAssembler.SREG_DS;
                case FS -> RomAssembler.SREG_FS;
                case GS -> RomAssembler.SREG_GS;
                case SS -> RomAssembler.SREG_SS;
                default -> throw new IllegalArgumentException(r.name());
            };
        }

        /** R8-R15: only 64-bit code can set them. */
        private static boolean isExtended(Register r) {
            return r.ordinal() >= Register.R8.ordinal() && r.ordinal() <= Register.R15.ordinal();
        }

        private static int align(int v, int a) {
            return (v + a - 1) & -a;
        }
    }
}
