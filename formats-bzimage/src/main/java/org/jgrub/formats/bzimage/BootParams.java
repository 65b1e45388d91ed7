package org.jgrub.formats.bzimage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.memory.E820Entry;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.GuestMemory;
import org.jgrub.core.memory.MemoryMap;

/**
 * The zero page ({@code struct boot_params}, Documentation/arch/x86/zero-page.rst), built fresh:
 * a zeroed page with only the setup header copied in, never the bytes before it. Debian's image
 * has 0xFF at the sentinel (0x1EF); copied, it makes {@code sanitize_boot_params} wipe fields,
 * the ext_* ones included.
 */
public final class BootParams {
    public static final int SIZE = 4096;
    static final int ALT_MEM_K = 0x1E0;
    static final int E820_ENTRIES = 0x1E8;
    static final int SENTINEL = 0x1EF;
    static final int TYPE_OF_LOADER = 0x210;
    static final int LOADFLAGS = 0x211;
    static final int CODE32_START = 0x214;
    static final int RAMDISK_IMAGE = 0x218;
    static final int RAMDISK_SIZE = 0x21C;
    static final int HEAP_END_PTR = 0x224;
    static final int CMD_LINE_PTR = 0x228;
    static final int E820_TABLE = 0x2D0;
    /** E820_MAX_ENTRIES_ZEROPAGE. */
    static final int E820_MAX = 128;

    private BootParams() {}

    /**
     * Writes the zero page at {@link LinuxLayout#ZERO_PAGE}.
     *
     * @param code32Start where the 32-bit entry will jump (the loaded kernel)
     * @param initrd      address and size of the initrd, or size 0 for none
     */
    public static void write(GuestMemory memory, SetupHeader header, MemoryMap map, GuestAddress cmdline,
                             boolean quiet, GuestAddress code32Start, GuestAddress initrd, long initrdSize)
            throws JgrubException {
        ByteBuffer p = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        p.put(SetupHeader.OFFSET, header.raw());
        p.put(TYPE_OF_LOADER, (byte) LinuxLayout.TYPE_OF_LOADER_GRUB2);
        int flags = header.loadflags() | SetupHeader.CAN_USE_HEAP;
        p.put(LOADFLAGS, (byte) (quiet ? flags | SetupHeader.QUIET_FLAG : flags));
        p.putShort(HEAP_END_PTR, (short) LinuxLayout.HEAP_END_PTR);
        p.putInt(CODE32_START, (int) code32Start.value());
        p.putInt(CMD_LINE_PTR, (int) cmdline.value());
        p.putInt(RAMDISK_IMAGE, (int) initrd.value());
        p.putInt(RAMDISK_SIZE, (int) initrdSize);
        var entries = map.entries();
        if (entries.size() > E820_MAX) {
            throw new JgrubException("memory map has " + entries.size() + " entries, the zero page holds " + E820_MAX);
        }
        p.put(E820_ENTRIES, (byte) entries.size());
        p.position(E820_TABLE);
        long extendedKib = 0;
        for (E820Entry e : entries) {
            e.encode(p);
            if (e.address().value() >= MemoryMap.EXTENDED_START.value() && e.address().value() < (1L << 32)) {
                extendedKib += e.size() / 1024;
            }
        }
        // alt_mem_k: extended memory in KiB, for kernels that look before the e820 map.
        p.putInt(ALT_MEM_K, (int) Math.min(extendedKib, 0xffff_ffffL));
        memory.write(LinuxLayout.ZERO_PAGE, p.array());
    }
}
