package org.jgrub.core.vmm.qemu;

/**
 * Emits the handful of x86 instructions the reset ROM needs, at a known position in the ROM
 * image, so RIP-relative displacements and absolute addresses are computed as bytes go out.
 * Encodings: Intel SDM vol. 2 (opcode tables; ModRM {@code mod reg rm}).
 *
 * <p>Every method says for which code size it is valid; the caller keeps track of the mode.
 */
final class RomAssembler {
    /** Register numbers as they appear in ModRM/opcode fields. */
    static final int EAX = 0, ECX = 1, EDX = 2, EBX = 3, ESP = 4, EBP = 5, ESI = 6, EDI = 7;
    /** Segment-register numbers in the ModRM reg field of {@code mov Sreg, r/m16}. */
    static final int SREG_ES = 0, SREG_CS = 1, SREG_SS = 2, SREG_DS = 3, SREG_FS = 4, SREG_GS = 5;

    private final byte[] image;
    /** Linear address of {@code image[0]} as the code sees it (the ROM's low alias). */
    private final long linearBase;
    private int pos;

    RomAssembler(byte[] image, long linearBase, int start) {
        this.image = image;
        this.linearBase = linearBase;
        this.pos = start;
    }

    int position() {
        return pos;
    }

    long linear() {
        return linearBase + pos;
    }

    RomAssembler u8(int... bytes) {
        for (int b : bytes) {
            if (pos >= image.length) {
                throw new IllegalStateException("reset ROM code overflows the image");
            }
            image[pos++] = (byte) b;
        }
        return this;
    }

    RomAssembler u16(int v) {
        return u8(v & 0xff, (v >>> 8) & 0xff);
    }

    RomAssembler u32(long v) {
        return u16((int) (v & 0xffff)).u16((int) ((v >>> 16) & 0xffff));
    }

    RomAssembler u64(long v) {
        return u32(v & 0xffff_ffffL).u32(v >>> 32);
    }

    // ---- any mode ----

    RomAssembler cli() {
        return u8(0xfa);
    }

    /** {@code mov eax, imm32} in 32-bit code; in 64-bit code it zero-extends into RAX. */
    RomAssembler movImm32(int reg, long imm) {
        return u8(0xb8 + reg).u32(imm);
    }

    /** {@code mov ax, imm16} (32- or 64-bit code). */
    RomAssembler movAxImm16(int imm) {
        return u8(0x66, 0xb8).u16(imm);
    }

    /** {@code mov Sreg, ax}. */
    RomAssembler movSregAx(int sreg) {
        return u8(0x8e, 0xc0 | (sreg << 3));
    }

    /** {@code mov crN, eax} (rax in 64-bit code). */
    RomAssembler movCrEax(int cr) {
        return u8(0x0f, 0x22, 0xc0 | (cr << 3));
    }

    /** {@code mov eax, crN}. */
    RomAssembler movEaxCr(int cr) {
        return u8(0x0f, 0x20, 0xc0 | (cr << 3));
    }

    RomAssembler wrmsr() {
        return u8(0x0f, 0x30);
    }

    /** {@code ltr ax}. */
    RomAssembler ltrAx() {
        return u8(0x0f, 0x00, 0xd8);
    }

    /** {@code lldt ax}. */
    RomAssembler lldtAx() {
        return u8(0x0f, 0x00, 0xd0);
    }

    RomAssembler popf() {
        return u8(0x9d);
    }

    // ---- 16-bit real mode ----

    /** {@code o32 lgdt cs:[offset]}: a 6-byte pseudo-descriptor with a full 32-bit base. */
    RomAssembler lgdtCs16(int offset) {
        return u8(0x2e, 0x66, 0x0f, 0x01, 0x16).u16(offset);
    }

    /** {@code or al, imm8}. */
    RomAssembler orAl(int imm) {
        return u8(0x0c, imm);
    }

    /** {@code jmp dword selector:offset} from 16-bit code (operand-size prefix for the 32-bit offset). */
    RomAssembler jmpFar16To32(int selector, long offset) {
        return u8(0x66, 0xea).u32(offset).u16(selector);
    }

    // ---- 32-bit protected / compatibility mode ----

    /** {@code jmp far selector:offset32}. */
    RomAssembler jmpFar32(int selector, long offset) {
        return u8(0xea).u32(offset).u16(selector);
    }

    /** {@code lgdt cs:[disp32]} or {@code lidt} with {@code /3}; {@code disp32} is relative to CS's base. */
    RomAssembler descriptorTableCs32(int slash, long disp32) {
        return u8(0x2e, 0x0f, 0x01, 0x05 | (slash << 3)).u32(disp32);
    }

    /** {@code jmp dword [cs:disp32]}. */
    RomAssembler jmpIndirectCs32(long disp32) {
        return u8(0x2e, 0xff, 0x25).u32(disp32);
    }

    // ---- 64-bit mode ----

    /** {@code mov r64, imm64} for r = 0..15. */
    RomAssembler movImm64(int reg, long imm) {
        return u8(reg < 8 ? 0x48 : 0x49, 0xb8 + (reg & 7)).u64(imm);
    }

    /** {@code lgdt [rip+d]} ({@code slash} 2) or {@code lidt [rip+d]} ({@code slash} 3) of a 10-byte operand at ROM offset {@code target}. */
    RomAssembler descriptorTableRip(int slash, int target) {
        u8(0x0f, 0x01, 0x05 | (slash << 3));
        return ripDisp(target);
    }

    /** {@code lea rsp, [rip+d]} pointing at ROM offset {@code target}. */
    RomAssembler leaRspRip(int target) {
        u8(0x48, 0x8d, 0x25);
        return ripDisp(target);
    }

    /** {@code jmp qword [rip+d]} through the 8-byte slot at ROM offset {@code target}. */
    RomAssembler jmpIndirectRip(int target) {
        u8(0xff, 0x25);
        return ripDisp(target);
    }

    /** A disp32 that is the last field of its instruction: relative to the next instruction. */
    private RomAssembler ripDisp(int target) {
        return u32((target - (pos + 4)) & 0xffff_ffffL);
    }
}
