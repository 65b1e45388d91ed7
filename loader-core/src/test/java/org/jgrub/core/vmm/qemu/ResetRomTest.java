package org.jgrub.core.vmm.qemu;

import static org.jgrub.core.memory.MemoryLayout.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jgrub.core.error.UnsupportedFeatureException;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.HeapGuestMemory;
import org.jgrub.core.x86.Cr0;
import org.jgrub.core.x86.ModeSwitcher;
import org.jgrub.core.x86.PageTables;
import org.jgrub.core.x86.Register;
import org.jgrub.core.x86.Segment;
import org.jgrub.core.x86.VcpuState;
import org.junit.jupiter.api.Test;

/** What the ROM refuses, and the fixed parts of its image. Executing it is ResetRomQemuTest's job. */
class ResetRomTest {
    private final HeapGuestMemory memory = HeapGuestMemory.ofSize(16 * MIB);

    private VcpuState.Builder longMode() throws Exception {
        PageTables.firstGibEverywhere(GuestAddress.of(0x2000), GuestAddress.of(0x3000), GuestAddress.of(0x4000))
                .write(memory);
        return ModeSwitcher.longMode64(GuestAddress.of(0x10000), GuestAddress.of(0x6000), GuestAddress.of(0x2000),
                GuestAddress.of(0x5000));
    }

    private VcpuState.Builder protectedMode() {
        return ModeSwitcher.protectedMode32(GuestAddress.of(0x100000), GuestAddress.of(0x1000));
    }

    private String refusal(VcpuState state) {
        return assertThrows(UnsupportedFeatureException.class, () -> ResetRom.build(state, memory)).getMessage();
    }

    @Test
    void imageIsSixtyFourKibWithAFarJumpAtTheResetVector() throws Exception {
        byte[] rom = ResetRom.build(longMode().build(), memory).image();
        assertEquals(65536, rom.length);
        ByteBuffer b = ByteBuffer.wrap(rom).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xea, b.get(0xfff0) & 0xff, "jmp far ptr16:16");
        assertEquals(0xf000, b.getShort(0xfff3) & 0xffff, "into the low alias segment");
        int start = b.getShort(0xfff1) & 0xffff;
        assertEquals(0xfa, rom[start] & 0xff, "cli first");
        // The temporary GDT at offset 0 holds the state's CS at slot 1 and data at slot 2.
        assertEquals(0L, b.getLong(0));
        assertEquals(0x00209b0000000000L, b.getLong(8));
        assertEquals(0x0000930000000000L, b.getLong(16));
    }

    @Test
    void refusesWhenPagingHidesTheRom() throws Exception {
        VcpuState s = longMode().build();
        // Remap the PD's first entry so linear 0xf0000 lands at 2 MiB.
        memory.writeU64(GuestAddress.of(0x4000), 0x200000 | PageTables.LEAF_FLAGS);
        String m = refusal(s);
        assertTrue(m.contains("map linear 0xf0000 to 0x2f0000"), m);
    }

    @Test
    void refusesUnmappedRom() throws Exception {
        VcpuState s = longMode().build();
        memory.writeU64(GuestAddress.of(0x4000), 0);
        assertTrue(refusal(s).contains("to nothing"));
    }

    @Test
    void refusesRealModeAndMissingRegisters() throws Exception {
        assertTrue(refusal(protectedMode().set(Register.CR0, 0).build()).contains("CR0.PE"));
        VcpuState noRip = new VcpuState(
                java.util.Map.of(Register.CR0, Cr0.PE), protectedMode().build().segments(), java.util.Map.of());
        assertTrue(refusal(noRip).contains("RIP is not set"));
        VcpuState noDs = VcpuState.builder().set(Register.CR0, Cr0.PE).set(Register.RIP, 0x1000)
                .segment(Register.CS, Segment.of(0x10, 0, 0xffffffffL, 0xc09b)).build();
        assertTrue(refusal(noDs).contains("not set"));
    }

    @Test
    void refusesSegmentsNoDescriptorReproduces() throws Exception {
        assertTrue(refusal(protectedMode().segment(Register.CS, Segment.of(0, 0, 0xffffffffL, 0xc09b)).build())
                .contains("CS"));
        assertTrue(refusal(protectedMode().segment(Register.CS, Segment.of(0x13, 0, 0xffffffffL, 0xc09b)).build())
                .contains("ring-0"));
        assertTrue(refusal(protectedMode().segment(Register.DS, Segment.of(0x10, 0, 0xffffffffL, 0xc093)).build())
                .contains("different descriptors"), "DS reuses CS's selector with another descriptor");
        assertTrue(refusal(protectedMode().segment(Register.SS, Segment.of(0x18, 0, 0xffffffffL, 0xc091)).build())
                .contains("writable"));
        assertTrue(refusal(protectedMode().segment(Register.SS, Segment.of(0, 0, 0, 0x10000)).build())
                .contains("only 64-bit mode"));
        assertTrue(refusal(protectedMode().segment(Register.ES, Segment.of(0x18, 0, 0x1000, 0xc093)).build())
                .contains("exact descriptor"));
        assertTrue(refusal(protectedMode().segment(Register.CS, Segment.of(0x10, 0, 0xffffffffL, 0x809b)).build())
                .contains("16-bit"));
        assertTrue(refusal(protectedMode().segment(Register.TR, Segment.of(0x20, 0, 0x67, 0x93)).build())
                .contains("TSS"));
    }

    @Test
    void refusesRegistersItCannotSet() throws Exception {
        assertTrue(refusal(protectedMode().set(Register.RFLAGS, 0x102).build()).contains("TF"));
        assertTrue(refusal(protectedMode().set(Register.DR7, 0x400).build()).contains("DR7"));
        assertTrue(refusal(protectedMode().set(Register.R9, 1).build()).contains("R9"));
        assertTrue(refusal(protectedMode().set(Register.RAX, 1L << 32).build()).contains("above 31"));
        assertTrue(refusal(longMode().set(Register.CR4, 0).build()).contains("PAE"));
        assertTrue(refusal(longMode().set(Register.CR3, 1L << 33).build()).contains("above 4 GiB"));
    }

    @Test
    void notesWhatStaysAtItsResetValue() throws Exception {
        ResetRom rom = ResetRom.build(longMode().build(), memory);
        assertTrue(rom.notes().stream().anyMatch(n -> n.startsWith("TR ") && n.contains("reset value")), rom.notes().toString());
        assertTrue(rom.notes().stream().anyMatch(n -> n.contains("CR0.ET")));
    }
}
