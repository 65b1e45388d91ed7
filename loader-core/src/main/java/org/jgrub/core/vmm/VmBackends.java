package org.jgrub.core.vmm;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.jgrub.core.error.UsageException;

/** The backends on the class path, found through {@link ServiceLoader}. */
public final class VmBackends {
    private VmBackends() {}

    public static List<VmBackend> all() {
        List<VmBackend> out = new ArrayList<>();
        ServiceLoader.load(VmBackend.class, VmBackends.class.getClassLoader()).forEach(out::add);
        out.sort(java.util.Comparator.comparing(VmBackend::name));
        return out;
    }

    /** The backend called {@code name}; {@code null} picks the host's default. */
    public static VmBackend find(String name) throws UsageException {
        List<VmBackend> all = all();
        if (name == null) {
            return all.stream().filter(VmBackend::isDefaultOnThisHost).findFirst()
                    .orElseGet(() -> all.stream().filter(b -> b.name().equals("qemu")).findFirst()
                            .orElseThrow(() -> new IllegalStateException("no qemu backend on the class path")));
        }
        for (VmBackend b : all) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new UsageException("unknown VM backend '" + name + "' (available: "
                + String.join(", ", all.stream().map(VmBackend::name).toList()) + ")");
    }
}
