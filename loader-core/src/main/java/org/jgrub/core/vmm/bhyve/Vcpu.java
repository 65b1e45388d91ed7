package org.jgrub.core.vmm.bhyve;

import com.sun.jna.Pointer;

/**
 * vCPU 0 of a VM: its {@code struct vmctx *} and, on libvmmapi 14+, the {@code struct vcpu *}
 * from {@code vm_vcpu_open} (null on 13, where calls take {@code ctx, 0}).
 */
public record Vcpu(Pointer ctx, Pointer handle) {
}
