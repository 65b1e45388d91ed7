package org.jgrub.core.vmm.qemu;

import static org.jgrub.core.vmm.qemu.ResetRom.refuse;
import static org.jgrub.core.x86.AccessRights.DB;
import static org.jgrub.core.x86.AccessRights.L;
import static org.jgrub.core.x86.AccessRights.P;
import static org.jgrub.core.x86.AccessRights.S;
import static org.jgrub.core.x86.AccessRights.TYPE_ACCESSED;
import static org.jgrub.core.x86.AccessRights.TYPE_CODE;
import static org.jgrub.core.x86.AccessRights.TYPE_RW;

import java.util.List;
import java.util.TreeMap;
import org.jgrub.core.error.UnsupportedFeatureException;
import org.jgrub.core.x86.AccessRights;
import org.jgrub.core.x86.Register;
import org.jgrub.core.x86.Segment;
import org.jgrub.core.x86.VcpuState;

/**
 * The reset ROM's own GDT: at every selector the state names, a descriptor that reproduces that
 * segment's (base, limit, access) when the CPU loads the selector; the ROM's flat code and data
 * at slots nobody else uses. Checks that each segment is one the CPU will load at all, so the
 * ROM never faults half-way (an x86 fault with no IDT is a silent reset).
 */
final class TemporaryGdt {
    private static final Register[] DATA_SEGMENTS = {Register.DS, Register.ES, Register.FS, Register.GS};

    private final VcpuState state;
    private final boolean longMode;
    private final List<String> notes;
    private final TreeMap<Integer, Long> slots = new TreeMap<>();
    private final TreeMap<Integer, String> owners = new TreeMap<>();
    private boolean code64;

    /**
     * @param longMode whether IA-32e mode will be active when TR/LDTR are loaded (16-byte system descriptors)
     * @param notes    receives what cannot be reproduced exactly
     */
    TemporaryGdt(VcpuState state, boolean longMode, List<String> notes) {
        this.state = state;
        this.longMode = longMode;
        this.notes = notes;
    }

    /** Whether the state's CS is a 64-bit code segment; valid after {@link #planSegments()}. */
    boolean code64() {
        return code64;
    }

    /** Claims slots for CS, the data segments, SS, TR and LDTR; returns CS. */
    Segment planSegments() throws UnsupportedFeatureException {
        Segment cs = segment(Register.CS);
        if (!cs.usable() || cs.selector() < 4 || cs.inLdt() || cs.rpl() != 0
                || (cs.access() & (S | TYPE_CODE | P)) != (S | TYPE_CODE | P) || AccessRights.dpl(cs.access()) != 0) {
            throw refuse("CS " + cs + " is not a present ring-0 code segment in the GDT");
        }
        code64 = (cs.access() & L) != 0;
        if (code64 && (!longMode || (cs.access() & DB) != 0)) {
            throw refuse("CS " + cs + " is 64-bit but long mode is off, or has both L and D set");
        }
        if (!code64 && (cs.access() & DB) == 0) {
            throw refuse("CS " + cs + " is a 16-bit segment");
        }
        if (!code64 && (cs.access() & TYPE_RW) == 0) {
            throw refuse("CS " + cs + " is execute-only: the ROM reads its last operands through CS");
        }
        claim(cs, Register.CS, codeOrData(cs));
        for (Register r : DATA_SEGMENTS) {
            dataSegment(r);
        }
        Segment ss = segment(Register.SS);
        if (ss.usable() && ss.selector() >= 4) {
            if ((ss.access() & (S | TYPE_CODE | TYPE_RW | P)) != (S | TYPE_RW | P)
                    || AccessRights.dpl(ss.access()) != 0 || ss.rpl() != 0 || ss.inLdt()) {
                throw refuse("SS " + ss + " is not a present, writable ring-0 data segment in the GDT");
            }
            claim(ss, Register.SS, codeOrData(ss));
        } else if (!code64) {
            throw refuse("SS " + ss + " is null or unusable, which only 64-bit mode allows");
        }
        systemSegment(Register.TR);
        systemSegment(Register.LDTR);
        return cs;
    }

    /** Puts {@code descriptor} at the lowest free slot and returns its index. */
    int addAtFreeSlot(long descriptor) {
        int slot = freeSlot();
        slots.put(slot, descriptor);
        return slot;
    }

    int highestIndex() {
        return slots.isEmpty() ? 0 : slots.lastKey();
    }

    /** Bytes from slot 0 through the highest slot in use. */
    int sizeInBytes() {
        return (highestIndex() + 1) * 8;
    }

    /** Writes the table at {@code image[0]}; unused slots (and slot 0) stay zero. */
    void writeTo(byte[] image, long linearBase) {
        for (var e : slots.entrySet()) {
            new RomAssembler(image, linearBase, e.getKey() * 8).u64(e.getValue());
        }
    }

    private void dataSegment(Register r) throws UnsupportedFeatureException {
        Segment s = segment(r);
        if (!s.usable() || s.selector() < 4) {
            if (s.usable() && !code64) {
                throw refuse(r + " " + s + " is usable but has a null selector");
            }
            if (s.usable() || s.selector() >= 4) {
                notes.add(r + " " + s + " is loaded with a null selector and becomes unusable");
            }
            return;
        }
        if (s.inLdt() || (s.access() & (S | P)) != (S | P)
                || ((s.access() & TYPE_CODE) != 0 && (s.access() & TYPE_RW) == 0)) {
            throw refuse(r + " " + s + " is not a present, readable segment in the GDT");
        }
        if (s.base() >>> 32 != 0 && !(code64 && (r == Register.FS || r == Register.GS))) {
            throw refuse(r + " " + s + " has a base above 4 GiB");
        }
        claim(s, r, codeOrData(Segment.of(s.selector(), s.base() & 0xffff_ffffL, s.limit(), s.access())));
    }

    private void systemSegment(Register r) throws UnsupportedFeatureException {
        Segment s = state.segment(r);
        if (s == null) {
            notes.add(r + " is not set by the state and keeps its reset value");
            return;
        }
        if (r == Register.LDTR && !s.usable()) {
            return; // lldt with a null selector makes LDTR unusable, exactly
        }
        if (!s.usable() || s.selector() < 4) {
            notes.add(r + " " + s + " cannot be loaded from a descriptor (null selector or unusable);"
                    + " it keeps its reset value (base 0, limit 0xffff)");
            return;
        }
        int type = AccessRights.type(s.access());
        boolean tss = r == Register.TR;
        boolean ok = tss ? (type == AccessRights.TYPE_TSS_BUSY || type == AccessRights.TYPE_TSS_AVAILABLE
                || (!longMode && (type == AccessRights.TYPE_TSS_16_BUSY || type == 1))) : type == AccessRights.TYPE_LDT;
        if (!ok || (s.access() & (S | P)) != P || s.inLdt()) {
            throw refuse(r + " " + s + " is not a present " + (tss ? "TSS" : "LDT") + " descriptor in the GDT");
        }
        if (!longMode && (s.base() >>> 32) != 0) {
            throw refuse(r + " " + s + " has a base above 4 GiB outside long mode");
        }
        // LTR wants an available TSS and marks it busy itself; the hidden access ends up busy.
        int access = tss ? s.access() & ~0x2 : s.access();
        Segment low = Segment.of(s.selector(), s.base() & 0xffff_ffffL, s.limit(), access);
        if (!low.encodable()) {
            throw refuse(r + " " + s + " has no exact descriptor (limit vs. granularity)");
        }
        claim(s, r, low.toGdtEntry());
        if (tss && type != AccessRights.type(access)) {
            notes.add("TR: QEMU's LTR keeps the TSS type it read (available) in the hidden TR; hardware keeps busy");
        }
        if (longMode) {
            // In IA-32e mode system descriptors are 16 bytes: the next slot holds base 63:32.
            claimIndex(s.index() + 1, s.base() >>> 32, r + " (upper half)");
        }
    }

    private long codeOrData(Segment s) throws UnsupportedFeatureException {
        // The ROM cannot be written, so the CPU must find the accessed bit already set.
        Segment a = Segment.of(s.selector(), s.base(), s.limit(), s.access() | TYPE_ACCESSED);
        if (!a.encodable()) {
            throw refuse("segment " + s + " has no exact descriptor (base above 4 GiB, or limit vs. granularity)");
        }
        if ((s.access() & TYPE_ACCESSED) == 0) {
            notes.add("segment " + s + " gets its accessed bit set when loaded");
        }
        return a.toGdtEntry();
    }

    private void claim(Segment s, Register who, long descriptor) throws UnsupportedFeatureException {
        claimIndex(s.index(), descriptor, who.name());
    }

    private void claimIndex(int index, long descriptor, String who) throws UnsupportedFeatureException {
        Long existing = slots.get(index);
        if (existing != null && existing != descriptor) {
            throw refuse(who + " and " + owners.get(index) + " name GDT slot " + index + " with different descriptors");
        }
        slots.put(index, descriptor);
        owners.putIfAbsent(index, who);
    }

    private int freeSlot() {
        int i = 1;
        while (slots.containsKey(i)) {
            i++;
        }
        return i;
    }

    private Segment segment(Register r) throws UnsupportedFeatureException {
        Segment s = state.segment(r);
        if (s == null) {
            throw refuse(r + " is not set; the ROM cannot reproduce a reset-time real-mode segment");
        }
        return s;
    }

}
