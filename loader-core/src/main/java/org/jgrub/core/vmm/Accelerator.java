package org.jgrub.core.vmm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/** How QEMU executes the guest: TCG (software) or KVM. */
public enum Accelerator {
    /** KVM when the host CPU offers VMX or SVM and {@code /dev/kvm} is usable; TCG otherwise. */
    AUTO, TCG, KVM;

    /**
     * Resolves {@link #AUTO}. Only a CPU with vmx/svm counts: a {@code /dev/kvm} without them is a
     * software-nested KVM far slower than TCG for anything but tiny guests.
     */
    public Accelerator resolve() {
        if (this != AUTO) {
            return this;
        }
        Path kvm = Paths.get("/dev/kvm");
        if (!Files.isReadable(kvm) || !Files.isWritable(kvm)) {
            return TCG;
        }
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    String flags = " " + line.substring(line.indexOf(':') + 1) + " ";
                    return flags.contains(" vmx ") || flags.contains(" svm ") ? KVM : TCG;
                }
            }
        } catch (IOException | RuntimeException e) {
            return TCG;
        }
        return TCG;
    }

    public String qemuName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
