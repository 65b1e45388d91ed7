package org.jgrub.core.vmm.bhyve;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.UnsupportedFeatureException;
import org.jgrub.core.memory.GuestRegion;
import org.jgrub.core.memory.MemoryLayout;
import org.jgrub.core.memory.NativeGuestMemory;
import org.jgrub.core.vmm.MemoryFlag;
import org.jgrub.core.vmm.Vm;
import org.jgrub.core.vmm.VmConfig;
import org.jgrub.core.x86.CpuMode;
import org.jgrub.core.x86.DescriptorTable;
import org.jgrub.core.x86.Register;
import org.jgrub.core.x86.Segment;
import org.jgrub.core.x86.VcpuState;

/**
 * A bhyve VM being prepared. After any failure the VM is undone as far as jgrub may: one jgrub
 * created is destroyed ({@code vm_destroy}); one that existed before is left (reinitialised, if it
 * got that far) — and the error message says which. A successful handoff leaves the VM to bhyve(8).
 */
final class BhyveVm implements Vm {
    /**
     * The control registers in {@code vm_setup_freebsd_registers}'s order (FreeBSD
     * {@code lib/libvmmapi/vmmapi_freebsd.c}): CR0, CR4, EFER — each step a consistent state
     * (paging, then PAE, then long mode active) — then CR3 and CR2.
     */
    private static final List<Register> CONTROL_ORDER = List.of(Register.CR0, Register.CR4, Register.EFER,
            Register.CR3, Register.CR2);
    private static final long FOUR_GIB = 4 * MemoryLayout.GIB;

    private final Libvmmapi lib;
    private final String name;
    private final Consumer<String> debug;
    private final boolean created;
    private Pointer ctx;
    private boolean reinitialised;
    private Vcpu vcpu;
    private NativeGuestMemory memory;
    private boolean handedOff;
    private boolean undone;

    private BhyveVm(Libvmmapi lib, VmConfig config, boolean created) {
        this.lib = lib;
        this.name = config.name();
        this.debug = config.debug();
        this.created = created;
    }

    /** grub-bhyve's and bhyveload's sequence: create/open/reinit, vCPU, memflags, memory, lowmem limit, map. */
    static BhyveVm create(Libvmmapi lib, VmConfig config) throws JgrubException {
        VmmApi api = lib.api();
        String name = config.name();
        int rc = api.vm_create(name);
        boolean created = true;
        if (rc != 0) {
            int errno = Libvmmapi.errno(rc);
            if (errno != Errno.EEXIST) {
                throw new JgrubException("cannot create VM " + name + ": " + Errno.describe(errno));
            }
            created = false;
            config.debug().accept("bhyve: VM " + name + " exists; reusing it");
        }
        BhyveVm vm = new BhyveVm(lib, config, created);
        vm.ctx = api.vm_open(name);
        if (vm.ctx == null) {
            int errno = Libvmmapi.errno(-1);
            throw new JgrubException("cannot open VM " + name + ": " + Errno.describe(errno)
                    + (created ? "; it was created: remove it with bhyvectl --destroy --vm=" + name : ""));
        }
        try {
            vm.setUp(config);
        } catch (JgrubException | RuntimeException e) {
            vm.close();
            throw e;
        }
        return vm;
    }

    private void setUp(VmConfig config) throws JgrubException {
        VmmApi api = lib.api();
        if (!created) {
            int rc = api.vm_reinit(ctx);
            if (rc != 0) {
                throw failure("cannot reinitialise VM " + name + ": " + Errno.describe(Libvmmapi.errno(rc)));
            }
            reinitialised = true;
        }
        vcpu = lib.vcpu0(ctx);
        if (vcpu == null) {
            throw failure("cannot open vCPU 0 of VM " + name + ": " + Errno.describe(Libvmmapi.errno(-1)));
        }
        int flags = 0;
        for (MemoryFlag f : config.flags()) {
            flags |= f.bit();
        }
        if (flags != 0) {
            api.vm_set_memflags(ctx, flags);
        }
        long size = config.memorySize();
        int rc = api.vm_setup_memory(ctx, size, VmmApi.VM_MMAP_ALL);
        if (rc != 0) {
            int errno = Libvmmapi.errno(rc);
            if (!created && errno == Errno.EINVAL) {
                throw failure("VM " + name + " exists with a memory size other than " + mib(size)
                        + " (vm_setup_memory: " + Errno.describe(errno) + "); destroy it first (bhyvectl --destroy --vm=" + name
                        + ") or give its size with -M");
            }
            throw failure("cannot set up " + mib(size) + " of memory for VM " + name + ": " + Errno.describe(errno));
        }
        long lowmemLimit = Integer.toUnsignedLong(api.vm_get_lowmem_limit(ctx));
        if (lowmemLimit == 0 || lowmemLimit > FOUR_GIB) {
            throw failure(String.format("VM %s reports a lowmem limit of 0x%x", name, lowmemLimit));
        }
        MemoryLayout layout = new MemoryLayout(size, lowmemLimit);
        List<Pointer> bases = new ArrayList<>();
        for (GuestRegion r : layout.regions()) {
            Pointer p = api.vm_map_gpa(ctx, r.start().value(), r.size());
            if (p == null) {
                throw failure(String.format("vm_map_gpa(0x%x, 0x%x) returned NULL for VM %s", r.start().value(),
                        r.size(), name));
            }
            bases.add(p);
        }
        memory = new NativeGuestMemory(layout, bases, NativeGuestMemory.Access.READ_WRITE, () -> { });
        debug.accept("bhyve: VM " + name + " has " + layout + " mapped");
    }

    private static String mib(long bytes) {
        return bytes % MemoryLayout.MIB == 0 ? bytes / MemoryLayout.MIB + " MiB" : bytes + " bytes";
    }

    @Override
    public NativeGuestMemory memory() {
        return memory;
    }

    @Override
    public int handoff(VcpuState state) throws JgrubException {
        if (handedOff || undone) {
            throw new IllegalStateException("VM " + name + " was handed off or undone already");
        }
        if (CpuMode.of(state) == CpuMode.PROTECTED_32) {
            IntByReference value = new IntByReference();
            int err = lib.getCapability(vcpu, VmmApi.VM_CAP_UNRESTRICTED_GUEST, value);
            if (err != 0) {
                throw new UnsupportedFeatureException("VM unrestricted guest capability required ("
                        + Errno.describe(err) + "): the 32-bit entry needs a CPU with it; " + undo());
            }
            err = lib.setCapability(vcpu, VmmApi.VM_CAP_UNRESTRICTED_GUEST, 1);
            if (err != 0) {
                throw failure("cannot enable unrestricted guest for VM " + name + ": " + Errno.describe(err));
            }
        }
        for (Map.Entry<Register, Segment> e : state.segments().entrySet()) {
            Segment s = e.getValue();
            check(lib.setDesc(vcpu, e.getKey().number(), s.base(), s.limit(), s.access()), "vm_set_desc", e.getKey());
            check(lib.setRegister(vcpu, e.getKey().number(), s.selector()), "vm_set_register", e.getKey());
        }
        for (Map.Entry<Register, DescriptorTable> e : state.tables().entrySet()) {
            DescriptorTable t = e.getValue();
            check(lib.setDesc(vcpu, e.getKey().number(), t.base(), t.limit(), 0), "vm_set_desc", e.getKey());
        }
        for (Register r : CONTROL_ORDER) {
            if (state.has(r)) {
                setRegister(r, state.valueOr(r, 0));
            }
        }
        for (Map.Entry<Register, Long> e : state.registers().entrySet()) {
            Register r = e.getKey();
            if (!CONTROL_ORDER.contains(r) && r != Register.RIP) {
                setRegister(r, e.getValue());
            }
        }
        if (state.has(Register.RIP)) {
            setRegister(Register.RIP, state.valueOr(Register.RIP, 0));
        }
        handedOff = true;
        debug.accept("bhyve: VM " + name + " is ready for bhyve(8)");
        return 0;
    }

    private void setRegister(Register r, long value) throws JgrubException {
        check(lib.setRegister(vcpu, r.number(), value), "vm_set_register", r);
    }

    private void check(int errno, String call, Register r) throws JgrubException {
        if (errno != 0) {
            throw failure("cannot set " + r + " of VM " + name + " (" + call + "): " + Errno.describe(errno));
        }
    }

    /** Undoes the VM and returns the error, its message telling what became of the VM. */
    private JgrubException failure(String message) {
        return new JgrubException(message + "; " + undo());
    }

    /** Destroys a VM jgrub created; leaves one that existed. Returns what happened, for messages. */
    private String undo() {
        if (undone) {
            return "VM " + name + " was undone already";
        }
        undone = true;
        if (memory != null) {
            memory.close();
        }
        if (created) {
            lib.api().vm_destroy(ctx);
            ctx = null;
            return "VM " + name + ", created by jgrub, was destroyed";
        }
        return "VM " + name + " existed before and is left " + (reinitialised ? "reinitialised" : "as it was");
    }

    @Override
    public void close() {
        if (!handedOff && !undone) {
            debug.accept("bhyve: " + undo());
        } else if (memory != null) {
            memory.close();
        }
    }
}
