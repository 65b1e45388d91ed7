package org.jgrub.core.vmm.bhyve;

import org.jgrub.core.error.JgrubException;
import org.jgrub.core.vmm.Vm;
import org.jgrub.core.vmm.VmBackend;
import org.jgrub.core.vmm.VmConfig;

/**
 * Prepares a bhyve VM through libvmmapi as grub-bhyve and bhyveload do: create (or reuse and
 * reinitialise) the VM, map its memory for the loaders, set vCPU 0 at handoff, and leave the VM
 * for bhyve(8) to run. The library is FreeBSD's (or {@code --vmmapi-library PATH}); both the 13
 * and the 14+ API are handled, chosen at run time.
 */
public final class BhyveBackend implements VmBackend {
    @Override
    public String name() {
        return "bhyve";
    }

    @Override
    public String description() {
        return "prepare a bhyve VM through libvmmapi for bhyve(8) to run (default on FreeBSD)";
    }

    @Override
    public boolean isDefaultOnThisHost() {
        return System.getProperty("os.name", "").startsWith("FreeBSD");
    }

    @Override
    public Vm create(VmConfig config) throws JgrubException {
        Libvmmapi lib = Libvmmapi.load(config.vmmapiLibrary());
        config.debug().accept("bhyve: " + lib.where() + ", VMMAPI_VERSION " + lib.versionText());
        return BhyveVm.create(lib, config);
    }
}
