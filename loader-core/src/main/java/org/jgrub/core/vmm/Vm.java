package org.jgrub.core.vmm;

import org.jgrub.core.error.JgrubException;
import org.jgrub.core.memory.GuestMemory;
import org.jgrub.core.x86.VcpuState;

/**
 * A VM being prepared: loaders write into {@link #memory()}, then {@link #handoff} gives the
 * registers to the hypervisor. {@link #close()} releases what jgrub holds; after a failed load it
 * also undoes what the backend created.
 */
public interface Vm extends AutoCloseable {
    GuestMemory memory();

    /**
     * Sets the vCPU to {@code state} and lets the hypervisor run the guest.
     *
     * @return the exit status jgrub should end with: 0 when another program (bhyve) runs the VM,
     *         the hypervisor's own status when jgrub waits for it (QEMU)
     */
    int handoff(VcpuState state) throws JgrubException;

    @Override
    void close();
}
