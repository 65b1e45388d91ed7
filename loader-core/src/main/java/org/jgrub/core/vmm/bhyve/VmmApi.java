package org.jgrub.core.vmm.bhyve;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The libvmmapi calls that take a {@code struct vmctx *} in every generation (FreeBSD
 * {@code lib/libvmmapi/vmmapi.h}). The vCPU calls differ between FreeBSD 13 ({@link VmmApi13})
 * and 14+ ({@link VmmApi14}). bhyve is amd64 only, so {@code size_t} and {@code vm_paddr_t} are
 * Java {@code long}s. Functions returning {@code int} give 0 or -1 with {@code errno} set.
 */
public interface VmmApi extends Library {
    /** {@code enum vm_mmap_style { VM_MMAP_NONE, VM_MMAP_ALL, VM_MMAP_SPARSE }}: fully and statically mapped. */
    int VM_MMAP_ALL = 1;
    /** {@code enum vm_cap_type}: {@code VM_CAP_UNRESTRICTED_GUEST} (FreeBSD {@code sys/amd64/include/vmm.h}). */
    int VM_CAP_UNRESTRICTED_GUEST = 3;
    /** {@code VMMAPI_VERSION} of FreeBSD 13 ({@code 0103}, octal in C like the header). */
    int VMMAPI_VERSION_13 = 0103;
    /** {@code VMMAPI_VERSION} of FreeBSD 14+ ({@code 0200}), the first with {@code vm_vcpu_open}. */
    int VMMAPI_VERSION_14 = 0200;

    /** {@code int vm_create(const char *name)}; -1 with {@code EEXIST} when the VM exists. */
    int vm_create(String name);

    /** {@code struct vmctx *vm_open(const char *name)}; NULL on failure. */
    Pointer vm_open(String name);

    int vm_reinit(Pointer ctx);

    /** {@code void vm_destroy(struct vmctx *)}: removes the VM and frees {@code ctx}. */
    void vm_destroy(Pointer ctx);

    void vm_set_memflags(Pointer ctx, int flags);

    int vm_setup_memory(Pointer ctx, long len, int style);

    /** {@code uint32_t vm_get_lowmem_limit(struct vmctx *)}: read as unsigned. */
    int vm_get_lowmem_limit(Pointer ctx);

    /** {@code void *vm_map_gpa(struct vmctx *, vm_paddr_t gaddr, size_t len)}; NULL outside guest RAM. */
    Pointer vm_map_gpa(Pointer ctx, long gpa, long len);
}
