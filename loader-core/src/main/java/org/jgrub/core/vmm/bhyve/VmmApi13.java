package org.jgrub.core.vmm.bhyve;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/** FreeBSD 13's libvmmapi ({@code VMMAPI_VERSION 0103}): vCPU calls take {@code ctx, int vcpu}. */
public interface VmmApi13 extends VmmApi {
    int vm_set_register(Pointer ctx, int vcpu, int reg, long val);

    int vm_set_desc(Pointer ctx, int vcpu, int reg, long base, int limit, int access);

    int vm_get_capability(Pointer ctx, int vcpu, int cap, IntByReference retval);

    int vm_set_capability(Pointer ctx, int vcpu, int cap, int val);
}
