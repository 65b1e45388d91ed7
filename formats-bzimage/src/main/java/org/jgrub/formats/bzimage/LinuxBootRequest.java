package org.jgrub.formats.bzimage;

import java.util.List;
import org.jgrub.core.io.ByteSource;
import org.jgrub.core.x86.CpuMode;

/**
 * What GRUB's {@code linux} and {@code initrd} commands ask for.
 *
 * @param kernel    the bzImage
 * @param bootImage the kernel's path as the config names it, for {@code BOOT_IMAGE=}
 * @param arguments the rest of the {@code linux} line
 * @param initrds   the {@code initrd} arguments, in order
 * @param entry     32-bit protected mode (grub-bhyve's state) or 64-bit long mode
 * @param console   whether {@code console=ttyS0} is added
 */
public record LinuxBootRequest(ByteSource kernel, String bootImage, String arguments, List<InitrdItem> initrds,
                               CpuMode entry, KernelCommandLine.Console console) {
    public LinuxBootRequest {
        initrds = List.copyOf(initrds);
    }
}
