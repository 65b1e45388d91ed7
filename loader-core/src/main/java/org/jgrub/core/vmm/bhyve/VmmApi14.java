package org.jgrub.core.vmm.bhyve;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * FreeBSD 14+'s libvmmapi ({@code VMMAPI_VERSION 0200}): vCPU calls take the
 * {@code struct vcpu *} that {@code vm_vcpu_open} returns.
 */
public interface VmmApi14 extends VmmApi {
    /** {@code struct vcpu *vm_vcpu_open(struct vmctx *, int vcpuid)}; NULL on failure. */
    Pointer vm_vcpu_open(Pointer ctx, int vcpuid);

    int vm_set_register(Pointer vcpu, int reg, long val);

    int vm_set_desc(Pointer vcpu, int reg, long base, int limit, int access);

    int vm_get_capability(Pointer vcpu, int cap, IntByReference retval);

    int vm_set_capability(Pointer vcpu, int cap, int val);
}
