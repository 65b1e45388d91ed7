package org.jgrub.core.vmm;

import org.jgrub.core.error.JgrubException;

/**
 * A hypervisor jgrub can prepare a VM for. Implementations register through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.jgrub.core.vmm.VmBackend}) and are
 * chosen by {@link #name()} with {@code --vmm NAME}.
 */
public interface VmBackend {
    /** The name {@code --vmm} takes. */
    String name();

    /** One line for {@code --help}. */
    String description();

    /** Whether this backend is the natural choice on the running host. */
    default boolean isDefaultOnThisHost() {
        return false;
    }

    /** Creates (or reuses) the VM and maps its memory; nothing is handed over yet. */
    Vm create(VmConfig config) throws JgrubException;
}
