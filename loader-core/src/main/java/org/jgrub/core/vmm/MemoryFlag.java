package org.jgrub.core.vmm;

/** bhyve memory flags ({@code vm_set_memflags}; FreeBSD {@code lib/libvmmapi/vmmapi.h}). */
public enum MemoryFlag {
    /** {@code VM_MEM_F_INCORE} ({@code -C}): include guest memory in core dumps. */
    INCORE(0x01),
    /** {@code VM_MEM_F_WIRED} ({@code -S}): wire guest memory, needed for PCI passthrough. */
    WIRED(0x02);

    private final int bit;

    MemoryFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }
}
