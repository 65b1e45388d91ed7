package org.jgrub.cli.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.HeapGuestMemory;
import org.jgrub.core.x86.DescriptorTable;
import org.jgrub.core.x86.Register;
import org.jgrub.core.x86.Segment;
import org.jgrub.core.x86.VcpuState;
import org.junit.jupiter.api.Test;

/**
 * What the demo leaves in guest memory and registers, read back from heap memory and compared
 * with the seed article's listing 3 (shared/seed): its loop, GDT constants and register calls.
 */
class SeedDemoTest {
    // The listing's constants.
    private static final long PG_V = 0x001, PG_RW = 0x002, PG_U = 0x004, PG_PS = 0x080;

    @Test
    void memoryMatchesTheListingByteForByte() throws Exception {
        try (HeapGuestMemory m = HeapGuestMemory.ofSize(SeedDemo.MEMORY_SIZE)) {
            SeedDemo.load(m);
            for (int i = 0; i < 512; i++) {
                // pt4[i] = ADDR_PT3 | PG_V|PG_RW|PG_U;  pt3[i] = ADDR_PT2 | ...;  pt2[i] = i * 2M | PG_V|PG_RW|PG_PS|PG_U
                assertEquals(0x3000 | PG_V | PG_RW | PG_U, m.readU64(GuestAddress.of(0x2000 + 8L * i)), "pt4[" + i + "]");
                assertEquals(0x4000 | PG_V | PG_RW | PG_U, m.readU64(GuestAddress.of(0x3000 + 8L * i)), "pt3[" + i + "]");
                assertEquals(i * (2L * 1024 * 1024) | PG_V | PG_RW | PG_PS | PG_U,
                        m.readU64(GuestAddress.of(0x4000 + 8L * i)), "pt2[" + i + "]");
            }
            assertEquals(0L, m.readU64(GuestAddress.of(0x5000)));
            assertEquals(0x0020980000000000L, m.readU64(GuestAddress.of(0x5008)));
            assertEquals(0x0000900000000000L, m.readU64(GuestAddress.of(0x5010)));
            assertArrayEquals(new byte[] {(byte) 0xb0, 0x2a, (byte) 0xba, (byte) 0xf8, 0x03, 0x00, 0x00, (byte) 0xee,
                (byte) 0xeb, (byte) 0xfd}, m.read(GuestAddress.of(0x10000), 10));
            // Nothing else was written: the rest of the first MiB is zero.
            byte[] rest = m.read(GuestAddress.of(0x5018), 0x10000 - 0x5018);
            assertArrayEquals(new byte[rest.length], rest);
        }
    }

    @Test
    void registersMatchTheListingsCalls() throws Exception {
        try (HeapGuestMemory m = HeapGuestMemory.ofSize(SeedDemo.MEMORY_SIZE)) {
            VcpuState s = SeedDemo.load(m);
            assertEquals(Segment.of(0x08, 0, 0, 0x0000209B), s.segment(Register.CS));
            for (Register r : new Register[] {Register.DS, Register.ES, Register.FS, Register.GS, Register.SS}) {
                assertEquals(Segment.of(0x10, 0, 0, 0x00000093), s.segment(r));
            }
            assertEquals(Segment.of(0, 0, 0, 0x0000008b), s.segment(Register.TR));
            assertEquals(Segment.of(0, 0, 0, 0x00010000), s.segment(Register.LDTR));
            assertEquals(new DescriptorTable(0x5000, 3 * 8 - 1), s.table(Register.GDTR));
            assertEquals(0x80000000L | 0x1 | 0x20, s.valueOr(Register.CR0, -1), "CR0_PG | CR0_PE | CR0_NE");
            assertEquals(0x2000L, s.valueOr(Register.CR3, -1));
            assertEquals(0x20L, s.valueOr(Register.CR4, -1), "CR4_PAE; the listing's VMXE is dropped");
            assertEquals(0x500L, s.valueOr(Register.EFER, -1), "EFER_LMA | EFER_LME");
            assertEquals(0x2L, s.valueOr(Register.RFLAGS, -1));
            assertEquals(0x6000L, s.valueOr(Register.RSP, -1));
            assertEquals(0x10000L, s.valueOr(Register.RIP, -1));
        }
    }
}
