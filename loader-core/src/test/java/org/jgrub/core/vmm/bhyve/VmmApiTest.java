package org.jgrub.core.vmm.bhyve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrub.core.vmm.MemoryFlag;
import org.junit.jupiter.api.Test;

/** The constants passed to libvmmapi, against FreeBSD's headers (shared/reference/bhyve.md §1–2). */
class VmmApiTest {
    @Test
    void constantsAreFreeBsds() {
        // lib/libvmmapi/vmmapi.h: enum vm_mmap_style { VM_MMAP_NONE, VM_MMAP_ALL, VM_MMAP_SPARSE }
        assertEquals(1, VmmApi.VM_MMAP_ALL);
        // sys/amd64/include/vmm.h: enum vm_cap_type, HALT_EXIT 0, MTRAP_EXIT 1, PAUSE_EXIT 2, UNRESTRICTED_GUEST 3
        assertEquals(3, VmmApi.VM_CAP_UNRESTRICTED_GUEST);
        // vmmapi.h: VM_MEM_F_INCORE 0x01, VM_MEM_F_WIRED 0x02
        assertEquals(0x01, MemoryFlag.INCORE.bit());
        assertEquals(0x02, MemoryFlag.WIRED.bit());
        // VMMAPI_VERSION 0103 (13) and 0200 (14+), octal literals in C as here
        assertEquals(67, VmmApi.VMMAPI_VERSION_13);
        assertEquals(128, VmmApi.VMMAPI_VERSION_14);
    }

    @Test
    void errnoNamesAreTheOnesFreeBsdAndLinuxShare() {
        assertEquals("errno 17 (EEXIST)", Errno.describe(Errno.EEXIST));
        assertEquals("errno 12 (ENOMEM)", Errno.describe(Errno.ENOMEM));
        assertEquals("errno 22 (EINVAL)", Errno.describe(Errno.EINVAL));
        assertEquals("errno 2 (ENOENT)", Errno.describe(Errno.ENOENT));
        assertEquals("errno 11", Errno.describe(11));
        assertEquals("errno 999", Errno.describe(999));
    }
}
