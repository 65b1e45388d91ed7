package org.jgrub.core.vmm.bhyve;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgrub.core.error.UnsupportedFeatureException;

/**
 * A loaded libvmmapi of either generation, chosen at run time: FreeBSD 14+ exports
 * {@code vm_vcpu_open} ({@code VMMAPI_VERSION 0200}), FreeBSD 13 does not ({@code 0103}). Every
 * function jgrub calls is looked up when the library is loaded, so a library lacking one fails
 * before any VM exists.
 */
public final class Libvmmapi {
    /** The system library's name (FreeBSD {@code /usr/lib/libvmmapi.so}). */
    public static final String SYSTEM_NAME = "vmmapi";

    private static final List<String> COMMON = List.of("vm_create", "vm_open", "vm_reinit", "vm_destroy",
            "vm_set_memflags", "vm_setup_memory", "vm_get_lowmem_limit", "vm_map_gpa", "vm_set_register",
            "vm_set_desc", "vm_get_capability", "vm_set_capability");

    private final String where;
    private final int version;
    private final VmmApi13 api13;
    private final VmmApi14 api14;

    private Libvmmapi(String where, int version, VmmApi13 api13, VmmApi14 api14) {
        this.where = where;
        this.version = version;
        this.api13 = api13;
        this.api14 = api14;
    }

    /** Loads {@code path}, or the system's libvmmapi when it is null. */
    public static Libvmmapi load(Path path) throws UnsupportedFeatureException {
        String name = path == null ? SYSTEM_NAME : path.toAbsolutePath().toString();
        String where = path == null ? "the system's libvmmapi" : "libvmmapi " + path;
        NativeLibrary lib;
        try {
            lib = NativeLibrary.getInstance(name);
        } catch (UnsatisfiedLinkError e) {
            throw new UnsupportedFeatureException("cannot load " + where + " (" + firstLine(e)
                    + "); --vmm bhyve needs FreeBSD's libvmmapi or --vmmapi-library PATH");
        }
        boolean v14 = has(lib, "vm_vcpu_open");
        List<String> missing = new ArrayList<>();
        for (String f : COMMON) {
            if (!has(lib, f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new UnsupportedFeatureException(where + " lacks " + String.join(", ", missing)
                    + ": it is not a usable libvmmapi");
        }
        if (v14) {
            return new Libvmmapi(where, VmmApi.VMMAPI_VERSION_14, null, Native.load(name, VmmApi14.class));
        }
        return new Libvmmapi(where, VmmApi.VMMAPI_VERSION_13, Native.load(name, VmmApi13.class), null);
    }

    private static boolean has(NativeLibrary lib, String function) {
        try {
            lib.getFunction(function);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }

    /** Which library this is, for messages. */
    public String where() {
        return where;
    }

    /** {@code VMMAPI_VERSION}: {@link VmmApi#VMMAPI_VERSION_13} or {@link VmmApi#VMMAPI_VERSION_14}. */
    public int version() {
        return version;
    }

    /** {@code 0103} or {@code 0200}, as the header writes it. */
    public String versionText() {
        return String.format("%04o", version);
    }

    /** The calls shared by both generations. */
    public VmmApi api() {
        return api14 != null ? api14 : api13;
    }

    /**
     * The errno of a failed call: libvmmapi returns -1 with errno set; a positive return value is
     * taken as the error itself.
     */
    public static int errno(int rc) {
        return rc > 0 ? rc : Native.getLastError();
    }

    /** vCPU 0 of {@code ctx}: {@code vm_vcpu_open(ctx, 0)} on 14+, the number 0 on 13; null when that fails. */
    public Vcpu vcpu0(Pointer ctx) {
        if (api14 == null) {
            return new Vcpu(ctx, null);
        }
        Pointer vcpu = api14.vm_vcpu_open(ctx, 0);
        return vcpu == null ? null : new Vcpu(ctx, vcpu);
    }

    /** Returns 0 or an errno. */
    public int setRegister(Vcpu v, int reg, long value) {
        int rc = api14 != null ? api14.vm_set_register(v.handle(), reg, value)
                : api13.vm_set_register(v.ctx(), 0, reg, value);
        return rc == 0 ? 0 : errno(rc);
    }

    /** Returns 0 or an errno. */
    public int setDesc(Vcpu v, int reg, long base, long limit, int access) {
        int rc = api14 != null ? api14.vm_set_desc(v.handle(), reg, base, (int) limit, access)
                : api13.vm_set_desc(v.ctx(), 0, reg, base, (int) limit, access);
        return rc == 0 ? 0 : errno(rc);
    }

    /** Returns 0 or an errno; the capability's value goes to {@code value}. */
    public int getCapability(Vcpu v, int cap, IntByReference value) {
        int rc = api14 != null ? api14.vm_get_capability(v.handle(), cap, value)
                : api13.vm_get_capability(v.ctx(), 0, cap, value);
        return rc == 0 ? 0 : errno(rc);
    }

    /** Returns 0 or an errno. */
    public int setCapability(Vcpu v, int cap, int value) {
        int rc = api14 != null ? api14.vm_set_capability(v.handle(), cap, value)
                : api13.vm_set_capability(v.ctx(), 0, cap, value);
        return rc == 0 ? 0 : errno(rc);
    }
}
