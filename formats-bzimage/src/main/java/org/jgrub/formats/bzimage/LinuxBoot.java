package org.jgrub.formats.bzimage;

import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.UnsupportedFeatureException;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.GuestMemory;
import org.jgrub.core.memory.MemoryMap;
import org.jgrub.core.x86.CpuMode;
import org.jgrub.core.x86.ModeSwitcher;
import org.jgrub.core.x86.PageTables;
import org.jgrub.core.x86.Register;
import org.jgrub.core.x86.VcpuState;

/**
 * Loads a Linux bzImage, its initrd and command line into guest memory following the boot
 * protocol (Documentation/arch/x86/boot.rst) and returns the vCPU state for the chosen entry.
 * Everything is checked before the first byte is written to guest memory.
 */
public final class LinuxBoot {
    /** What went where, for messages and tests. */
    public record Result(VcpuState state, SetupHeader header, GuestAddress kernelAt, long initSize,
                         GuestAddress initrdAt, long initrdSize, String commandLine) {}

    private LinuxBoot() {}

    public static Result load(GuestMemory memory, LinuxBootRequest req) throws JgrubException {
        String name = req.kernel().name();
        long fileSize = req.kernel().size();
        SetupHeader h = SetupHeader.parse(req.kernel().readFully(0, (int) Math.min(SetupHeader.READ_SIZE, fileSize)), name);
        if (h.version() < 0x203) {
            throw new UnsupportedFeatureException(name + ": boot protocol " + h.versionText()
                    + " is too old for the 32-bit entry (2.03 or later is needed)");
        }
        if ((h.loadflags() & SetupHeader.LOADED_HIGH) == 0) {
            throw new UnsupportedFeatureException(name + ": a zImage (not LOADED_HIGH) cannot be booted");
        }
        if (req.entry() == CpuMode.LONG_64 && !h.has64BitEntry()) {
            throw new UnsupportedFeatureException(name + ": the kernel has no 64-bit entry (XLF_KERNEL_64, protocol "
                    + h.versionText() + "); use the 32-bit entry");
        }
        long offset = h.kernelOffset();
        if (offset >= fileSize) {
            throw new JgrubException(name + ": truncated: " + h.setupSects() + " setup sectors end at byte " + offset
                    + " but the file has " + fileSize);
        }
        long payload = fileSize - offset;
        // init_size (2.10+) is what the kernel needs from its load address while it decompresses;
        // older kernels: three times the image, as GRUB allows them.
        long initSize = Math.max(h.initSize() != 0 ? h.initSize() : 3 * payload, payload);
        long lowEnd = memory.layout().lowmemSize();
        GuestAddress at = placeKernel(h, name, initSize, lowEnd);
        long code32 = at.value() + h.code32Start() - LinuxLayout.HIGH_LOAD.value();
        if (code32 < at.value() || code32 >= at.value() + payload) {
            throw new JgrubException(String.format("%s: code32_start 0x%x points outside the kernel", name, h.code32Start()));
        }

        String line = KernelCommandLine.build(req.bootImage(), req.arguments(), req.console());
        byte[] cmdline = KernelCommandLine.encode(line, h, name);

        InitrdImage initrd = InitrdImage.of(req.initrds());
        GuestAddress initrdAt = GuestAddress.ZERO;
        if (initrd.size() > 0) {
            long limit = Math.min(h.initrdAddrMax() + 1, lowEnd);
            long kernelEnd = at.value() + initSize;
            long top = limit - initrd.size();
            if (initrd.size() > limit || (top & ~0xfffL) < kernelEnd) {
                throw new JgrubException(String.format("initrd of %d bytes does not fit between the kernel's end 0x%x"
                        + " and 0x%x (the lower of initrd_addr_max+1 and the end of low RAM)", initrd.size(), kernelEnd,
                        limit));
            }
            initrdAt = GuestAddress.of(top & ~0xfffL);
        }

        // All checked: write.
        req.kernel().copyTo(memory, at, offset, payload);
        if (initrd.size() > 0) {
            initrd.write(memory, initrdAt);
        }
        memory.write(LinuxLayout.CMDLINE, cmdline);
        boolean quiet = (" " + req.arguments() + " ").contains(" quiet ");
        BootParams.write(memory, h, MemoryMap.of(memory.layout()), LinuxLayout.CMDLINE, quiet, GuestAddress.of(code32),
                initrdAt, initrd.size());

        VcpuState.Builder s;
        if (req.entry() == CpuMode.LONG_64) {
            PageTables.identity(LinuxLayout.PAGE_TABLES, LinuxLayout.IDENTITY_MAPPED).write(memory);
            ModeSwitcher.LINUX_LONG_MODE_GDT.write(memory, LinuxLayout.GDT);
            s = ModeSwitcher.linuxLongMode64(at.plus(LinuxLayout.ENTRY_64_OFFSET), LinuxLayout.STACK_64,
                    LinuxLayout.PAGE_TABLES, LinuxLayout.GDT);
        } else {
            ModeSwitcher.PROTECTED_MODE_GDT.write(memory, LinuxLayout.GDT);
            // grub-bhyve: ESP = ESI = the zero page; boot.rst: EBP = EDI = EBX = 0.
            s = ModeSwitcher.protectedMode32(GuestAddress.of(code32), LinuxLayout.GDT)
                    .set(Register.RSP, LinuxLayout.ZERO_PAGE.value());
        }
        s.set(Register.RSI, LinuxLayout.ZERO_PAGE.value());
        for (Register r : new Register[] {Register.RAX, Register.RBX, Register.RCX, Register.RDX, Register.RBP,
            Register.RDI}) {
            s.set(r, 0);
        }
        return new Result(s.build(), h, at, initSize, initrdAt, initrd.size(), line);
    }

    /**
     * A relocatable kernel goes to its pref_address (else the first kernel_alignment boundary from
     * 16 MiB); any other to 1 MiB. The whole init_size must fit in low RAM.
     */
    private static GuestAddress placeKernel(SetupHeader h, String name, long initSize, long lowEnd)
            throws JgrubException {
        GuestAddress at;
        if (h.relocatable()) {
            long align = h.kernelAlignment();
            if (align < 4096 || Long.bitCount(align) != 1 || align > (1L << 30)) {
                throw new JgrubException(String.format("%s: kernel_alignment 0x%x is not a power of two from 4 KiB to 1 GiB",
                        name, align));
            }
            long pref = h.prefAddress();
            at = (pref >= LinuxLayout.HIGH_LOAD.value() && pref < lowEnd && (pref & (align - 1)) == 0)
                    ? GuestAddress.of(pref) : LinuxLayout.RELOCATABLE_START.alignUp(align);
        } else {
            at = LinuxLayout.HIGH_LOAD;
        }
        if (initSize > lowEnd || at.value() > lowEnd - initSize) {
            throw new JgrubException(String.format("%s: the kernel needs %d bytes (init_size) from 0x%x but low RAM ends"
                    + " at 0x%x: give the VM more memory (-M)", name, initSize, at.value(), lowEnd));
        }
        return at;
    }
}
