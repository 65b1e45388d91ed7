package org.jgrub.cli.demo;

import org.jgrub.core.error.GuestMemoryException;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.GuestMemory;
import org.jgrub.core.memory.MemoryLayout;
import org.jgrub.core.x86.ModeSwitcher;
import org.jgrub.core.x86.PageTables;
import org.jgrub.core.x86.VcpuState;

/**
 * The loader of the seed article's listing 3 (Takuya Asada, "ハイパーバイザーの作り方" part 17;
 * github.com/syuu1228/bhyve-embedded-guest): a 10-byte program that writes {@code *} to COM1
 * forever, entered in 64-bit mode with paging on. Addresses, tables and registers are the
 * listing's, except CR4.VMXE (see {@link ModeSwitcher#longMode64}).
 */
public final class SeedDemo {
    /** {@code VM_MEM_SIZE}: 128 MiB. */
    public static final long MEMORY_SIZE = 128 * MemoryLayout.MIB;
    public static final GuestAddress ADDR_PT4 = GuestAddress.of(0x2000);
    public static final GuestAddress ADDR_PT3 = GuestAddress.of(0x3000);
    public static final GuestAddress ADDR_PT2 = GuestAddress.of(0x4000);
    public static final GuestAddress ADDR_GDT = GuestAddress.of(0x5000);
    public static final GuestAddress ADDR_STACK = GuestAddress.of(0x6000);
    public static final GuestAddress ADDR_ENTRY = GuestAddress.of(0x10000);

    /**
     * <pre>
     * mov $0x2a,%al       b0 2a            '*'
     * mov $0x3f8,%edx     ba f8 03 00 00   COM1 data register
     * loop: out %al,(%dx) ee
     * jmp loop            eb fd
     * </pre>
     */
    static final byte[] PROGRAM = {(byte) 0xb0, 0x2a, (byte) 0xba, (byte) 0xf8, 0x03, 0x00, 0x00, (byte) 0xee,
        (byte) 0xeb, (byte) 0xfd};

    private SeedDemo() {}

    /** Writes tables, GDT and program into {@code memory} and returns the state to hand over. */
    public static VcpuState load(GuestMemory memory) throws GuestMemoryException {
        PageTables.firstGibEverywhere(ADDR_PT4, ADDR_PT3, ADDR_PT2).write(memory);
        ModeSwitcher.LONG_MODE_GDT.write(memory, ADDR_GDT);
        memory.write(ADDR_ENTRY, PROGRAM);
        return ModeSwitcher.longMode64(ADDR_ENTRY, ADDR_STACK, ADDR_PT4, ADDR_GDT).build();
    }
}
