package org.jgrub.formats.bzimage;

import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.MemoryLayout;

/**
 * Where jgrub puts what the Linux boot protocol needs in low memory, in the style of
 * Firecracker's {@code arch/x86_64/layout.rs}: all of it inside the e820 range {@code [0, 640K)}
 * and clear of the BIOS data area, so the kernel may reuse the pages once it runs.
 */
public final class LinuxLayout {
    /** The boot GDT (Firecracker's BOOT_GDT_OFFSET); 40 bytes at most. */
    public static final GuestAddress GDT = GuestAddress.of(0x500);
    /** boot_params, "the zero page" (Firecracker's ZERO_PAGE_START). */
    public static final GuestAddress ZERO_PAGE = GuestAddress.of(0x7000);
    /** Stack for the 64-bit entry (Firecracker's BOOT_STACK_POINTER). */
    public static final GuestAddress STACK_64 = GuestAddress.of(0x8ff0);
    /** Identity page tables for the 64-bit entry: PML4, one PDPT and four PDs mapping 4 GiB. */
    public static final GuestAddress PAGE_TABLES = GuestAddress.of(0x9000);
    /** How much the 64-bit entry's page tables identity-map. */
    public static final long IDENTITY_MAPPED = 4 * MemoryLayout.GIB;
    /** The command line (Firecracker's CMDLINE_START), up to {@link #CMDLINE_MAX} bytes with its NUL. */
    public static final GuestAddress CMDLINE = GuestAddress.of(0x20000);
    public static final int CMDLINE_MAX = 0x90000 - 0x20000;
    /** Where a kernel that is not relocatable must be loaded ({@code LOADED_HIGH}). */
    public static final GuestAddress HIGH_LOAD = GuestAddress.of(0x100000);
    /** Where a relocatable kernel without pref_address goes first (the kernel's default PHYSICAL_START). */
    public static final GuestAddress RELOCATABLE_START = GuestAddress.of(0x1000000);
    /** boot.rst: the 64-bit entry is 0x200 bytes into the protected-mode kernel. */
    public static final long ENTRY_64_OFFSET = 0x200;
    /** GRUB's {@code type_of_loader} (boot.rst: 7 = GRUB, version 2 in the low nibble). */
    public static final int TYPE_OF_LOADER_GRUB2 = 0x72;
    /** grub-bhyve's heap_end_ptr, 0x9000 - 0x200. */
    public static final int HEAP_END_PTR = 0x9000 - 0x200;

    private LinuxLayout() {}
}
