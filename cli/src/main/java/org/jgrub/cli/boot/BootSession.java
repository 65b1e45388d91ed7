package org.jgrub.cli.boot;

import java.util.ArrayList;
import java.util.List;
import org.jgrub.core.disk.DevicePath;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.io.ByteSource;
import org.jgrub.core.vmm.Vm;
import org.jgrub.core.vmm.VmBackend;
import org.jgrub.core.vmm.VmConfig;
import org.jgrub.core.x86.CpuMode;
import org.jgrub.formats.bzimage.InitrdItem;
import org.jgrub.formats.bzimage.KernelCommandLine;
import org.jgrub.formats.bzimage.LinuxBoot;
import org.jgrub.formats.bzimage.LinuxBootRequest;
import org.jgrub.formats.bzimage.SetupHeader;

/**
 * What GRUB's loader commands have chosen so far — the kernel and its arguments, the initrds —
 * and the boot that loads them into a new VM and hands it over. Files are checked when the
 * command names them (as GRUB reports a missing kernel at the {@code linux} line); guest memory
 * is written only at {@code boot}, and nothing is handed over after an error.
 */
public final class BootSession {
    private final GuestFiles files;
    private final CpuMode entry;
    private final KernelCommandLine.Console console;
    private ByteSource kernel;
    private String kernelPath;
    private String arguments = "";
    private final List<InitrdItem> initrds = new ArrayList<>();

    public BootSession(GuestFiles files, CpuMode entry, KernelCommandLine.Console console) {
        this.files = files;
        this.entry = entry;
        this.console = console;
    }

    /** {@code linux PATH ARGS...}: the kernel must be a bzImage; a new kernel forgets earlier initrds. */
    public void linux(String path, List<String> args, DevicePath root) throws JgrubException {
        ByteSource k = files.file(path, root);
        SetupHeader.parse(k.readFully(0, (int) Math.min(SetupHeader.READ_SIZE, k.size())), k.name());
        kernel = k;
        kernelPath = path;
        arguments = String.join(" ", args);
        initrds.clear();
    }

    /** {@code initrd FILE...}, with GRUB's {@code newc:NAME:FILE} items. */
    public void initrd(List<String> paths, DevicePath root) throws JgrubException {
        if (kernel == null) {
            throw new JgrubException("you need to load the kernel first");
        }
        List<InitrdItem> items = new ArrayList<>();
        for (String p : paths) {
            if (p.startsWith("newc:")) {
                int colon = p.indexOf(':', 5);
                if (colon < 0) {
                    throw new JgrubException("`" + p + "': newc items are newc:NAME:FILE");
                }
                items.add(InitrdItem.newc(p.substring(5, colon), files.file(p.substring(colon + 1), root)));
            } else {
                items.add(InitrdItem.file(files.file(p, root)));
            }
        }
        initrds.clear();
        initrds.addAll(items);
    }

    public boolean hasKernel() {
        return kernel != null;
    }

    /** {@code boot}: a VM from {@code backend}, the kernel loaded into it, handed over. Returns the exit status. */
    public int boot(VmBackend backend, VmConfig config) throws JgrubException {
        if (kernel == null) {
            throw new JgrubException("you need to load the kernel first");
        }
        try (Vm vm = backend.create(config)) {
            LinuxBoot.Result r = LinuxBoot.load(vm.memory(), new LinuxBootRequest(kernel, kernelPath, arguments,
                    initrds, entry, console));
            config.debug().accept(String.format("linux: kernel at 0x%x (init_size %d), initrd %d bytes at 0x%x,"
                    + " command line: %s", r.kernelAt().value(), r.initSize(), r.initrdSize(), r.initrdAt().value(),
                    r.commandLine()));
            return vm.handoff(r.state());
        }
    }
}
