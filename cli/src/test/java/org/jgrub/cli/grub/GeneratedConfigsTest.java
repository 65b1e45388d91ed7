package org.jgrub.cli.grub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Real generators' grub.cfg files: the default entry's body gives the kernel, arguments and initrds. */
class GeneratedConfigsTest {
    private final MemoryHost host = new MemoryHost();

    static String grubenv(String... lines) {
        StringBuilder b = new StringBuilder(EnvBlock.SIGNATURE);
        for (String l : lines) {
            b.append(l).append('\n');
        }
        while (b.length() < 1024) {
            b.append('#');
        }
        return b.toString();
    }

    private GrubInterpreter boot(String device, String prefix, String cfg) {
        GrubInterpreter g = host.interpreter();
        g.setVariable("root", device);
        g.setVariable("prefix", "(" + device + ")" + prefix);
        RunResult r = g.runConfigFile("(" + device + ")" + prefix + "/" + cfg);
        assertEquals(List.of(), r.errors(), host.out.toString());
        return g;
    }

    private void assertBooted(BootAttempt a, List<String> linux, List<String> initrd) {
        assertTrue(a.ok(), a.errors().toString());
        assertEquals(linux, host.last("linux"));
        assertEquals(initrd, host.last("initrd"));
    }

    @Test
    void debian12() {
        String u = "3f6c1a52-8d0e-4b7a-9c41-2e5d7a1b9f03";
        host.device("hd0", null, null);
        host.device("hd0,msdos1", u, null)
            .file("/boot/grub/grub.cfg", MemoryHost.resource("debian12-grub.cfg"))
            .file("/boot/vmlinuz-6.1.0-18-amd64", "k").file("/boot/initrd.img-6.1.0-18-amd64", "i")
            .file("/boot/vmlinuz-6.1.0-17-amd64", "k").file("/boot/initrd.img-6.1.0-17-amd64", "i");
        host.device("hd0,msdos5", "swap-uuid", null);
        GrubInterpreter g = boot("hd0,msdos1", "/boot/grub", "grub.cfg");
        assertEquals(2, g.menu().size());
        MenuEntry first = g.menu().get(0);
        assertEquals("Debian GNU/Linux", first.title());
        assertEquals("gnulinux-simple-" + u, first.id());
        assertEquals(List.of("debian", "gnu-linux", "gnu", "os"), first.classes());
        assertTrue(g.menu().get(1).submenu());
        assertEquals(5, g.timeout());
        assertEquals("menu", g.timeoutStyle());
        assertEquals(0, g.resolveDefault().index());

        BootAttempt a = g.runDefaultEntry();
        assertBooted(a, List.of("linux", "(hd0,msdos1)/boot/vmlinuz-6.1.0-18-amd64", "root=UUID=" + u, "ro", "quiet"),
            List.of("initrd", "(hd0,msdos1)/boot/initrd.img-6.1.0-18-amd64"));
        assertTrue(host.out.toString().contains("Loading Linux 6.1.0-18-amd64 ...\nLoading initial ramdisk ...\n"));
    }

    @Test
    void debian12SavedEntryIntoTheSubmenu() {
        String u = "3f6c1a52-8d0e-4b7a-9c41-2e5d7a1b9f03";
        host.device("hd0,msdos1", u, null)
            .file("/boot/grub/grub.cfg", MemoryHost.resource("debian12-grub.cfg"))
            .file("/boot/grub/grubenv", grubenv("next_entry=gnulinux-advanced-" + u + ">gnulinux-6.1.0-17-amd64-recovery-" + u))
            .file("/boot/vmlinuz-6.1.0-17-amd64", "k").file("/boot/initrd.img-6.1.0-17-amd64", "i");
        GrubInterpreter g = boot("hd0,msdos1", "/boot/grub", "grub.cfg");
        assertEquals("true", g.getVariable("boot_once"));
        BootAttempt a = g.runDefaultEntry();
        assertEquals(2, a.path().size());
        assertEquals("Debian GNU/Linux, with Linux 6.1.0-17-amd64 (recovery mode)", a.entry().title());
        assertBooted(a, List.of("linux", "(hd0,msdos1)/boot/vmlinuz-6.1.0-17-amd64", "root=UUID=" + u, "ro", "single"),
            List.of("initrd", "(hd0,msdos1)/boot/initrd.img-6.1.0-17-amd64"));
    }

    @Test
    void ubuntu2404() {
        String u = "9b2e4c1d-7a3f-4e8b-b5d6-0c1f2a3e4d5b";
        host.device("hd0,gpt1", "ESP-UUID", null);
        host.device("hd0,gpt2", u, null)
            .file("/boot/grub/grub.cfg", MemoryHost.resource("ubuntu2404-grub.cfg"))
            .file("/boot/grub/grubenv", grubenv())
            .file("/boot/vmlinuz-6.8.0-31-generic", "k").file("/boot/initrd.img-6.8.0-31-generic", "i");
        GrubInterpreter g = boot("hd0,gpt2", "/boot/grub", "grub.cfg");
        assertEquals(0, g.timeout());
        assertEquals("hidden", g.timeoutStyle());
        assertEquals("keep", g.getVariable("linux_gfx_mode"));
        BootAttempt a = g.runDefaultEntry();
        assertBooted(a, List.of("linux", "(hd0,gpt2)/boot/vmlinuz-6.8.0-31-generic", "root=UUID=" + u, "ro", "quiet",
            "splash", "vt.handoff=7"), List.of("initrd", "(hd0,gpt2)/boot/initrd.img-6.8.0-31-generic"));
    }

    @Test
    void rhel9WithBlsEntries() {
        String b = "5c8d2f0e-1b3a-4c6d-8e9f-a0b1c2d3e4f5";
        String m = "8e1f3c2b9a7d4e6f8a0b1c2d3e4f5a6b";
        String oldId = m + "-5.14.0-284.11.1.el9_2.x86_64";
        host.device("hd0", null, null);
        host.device("hd0,msdos1", b, null)
            .file("/grub2/grub.cfg", MemoryHost.resource("rhel9-grub.cfg"))
            .file("/grub2/grubenv", grubenv("saved_entry=" + oldId, "menu_auto_hide=1", "boot_success=1",
                "kernelopts=root=/dev/mapper/rhel-root ro console=ttyS0"))
            .file("/loader/entries/" + oldId + ".conf", MemoryHost.resource("rhel9-entry-old.conf"))
            .file("/loader/entries/" + m + "-0-rescue.conf", MemoryHost.resource("rhel9-entry-rescue.conf"))
            .file("/loader/entries/" + m + "-5.14.0-362.8.1.el9_3.x86_64.conf", MemoryHost.resource("rhel9-entry-new.conf"))
            .file("/vmlinuz-5.14.0-284.11.1.el9_2.x86_64", "k").file("/initramfs-5.14.0-284.11.1.el9_2.x86_64.img", "i")
            .file("/vmlinuz-5.14.0-362.8.1.el9_3.x86_64", "k").file("/initramfs-5.14.0-362.8.1.el9_3.x86_64.img", "i");
        host.device("hd0,msdos2", null, null);
        GrubInterpreter g = boot("hd0,msdos1", "/grub2", "grub.cfg");
        List<String> titles = g.menu().entries().stream().map(MenuEntry::title).toList();
        assertEquals(List.of("Red Hat Enterprise Linux (5.14.0-362.8.1.el9_3.x86_64) 9.3 (Plow)",
            "Red Hat Enterprise Linux (5.14.0-284.11.1.el9_2.x86_64) 9.2 (Plow)",
            "Red Hat Enterprise Linux (0-rescue-" + m + ") 9.3 (Plow)"), titles);
        assertEquals(List.of("rhel"), g.menu().get(0).classes());
        assertEquals(1, g.resolveDefault().index());
        assertEquals("hidden", g.timeoutStyle());
        assertEquals(1, g.timeout());
        assertEquals("0", g.getVariable("boot_success"));

        BootAttempt a = g.runDefaultEntry();
        assertBooted(a, List.of("linux", "(hd0,msdos1)/vmlinuz-5.14.0-284.11.1.el9_2.x86_64",
                "root=/dev/mapper/rhel-root", "ro", "console=ttyS0"),
            List.of("initrd", "(hd0,msdos1)/initramfs-5.14.0-284.11.1.el9_2.x86_64.img"));

        g.runEntry(0);
        assertEquals(List.of("linux", "(hd0,msdos1)/vmlinuz-5.14.0-362.8.1.el9_3.x86_64", "root=/dev/mapper/rhel-root",
            "ro", "crashkernel=1G-4G:192M,4G-64G:256M,64G-:512M", "resume=/dev/mapper/rhel-swap", "rd.lvm.lv=rhel/root",
            "rd.lvm.lv=rhel/swap", "rhgb", "quiet"), host.last("linux"));
    }

    @Test
    void arch() {
        String u = "e2a4b6c8-0d1f-4a3b-9c5d-7e8f9a0b1c2d";
        host.device("hd0,gpt1", "ESP", "EFI");
        host.device("hd0,gpt2", u, "root")
            .file("/boot/grub/grub.cfg", MemoryHost.resource("arch-grub.cfg"))
            .file("/boot/vmlinuz-linux", "k").file("/boot/initramfs-linux.img", "i").file("/boot/intel-ucode.img", "u")
            .file("/boot/initramfs-linux-fallback.img", "i");
        GrubInterpreter g = boot("hd0,gpt2", "/boot/grub", "grub.cfg");
        assertEquals("(hd0,gpt2)/usr/share/grub/themes/starfield/theme.txt", g.getVariable("theme"));
        BootAttempt a = g.runDefaultEntry();
        assertBooted(a, List.of("linux", "(hd0,gpt2)/boot/vmlinuz-linux", "root=UUID=" + u, "rw", "loglevel=3", "quiet"),
            List.of("initrd", "(hd0,gpt2)/boot/intel-ucode.img", "(hd0,gpt2)/boot/initramfs-linux.img"));

        g.setVariable("default", "1>1");
        a = g.runDefaultEntry();
        assertEquals("Arch Linux, with Linux linux (fallback initramfs)", a.entry().title());
        assertEquals(List.of("initrd", "(hd0,gpt2)/boot/intel-ucode.img", "(hd0,gpt2)/boot/initramfs-linux-fallback.img"),
            host.last("initrd"));
    }

    @Test
    void gentoo() {
        String u = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
        host.device("hd0,gpt1", "bios-boot", null);
        host.device("hd0,gpt2", "ESP", null);
        host.device("hd0,gpt3", u, null)
            .file("/boot/grub/grub.cfg", MemoryHost.resource("gentoo-grub.cfg"))
            .file("/boot/vmlinuz-6.6.13-gentoo-dist", "k").file("/boot/initramfs-6.6.13-gentoo-dist.img", "i");
        GrubInterpreter g = boot("hd0,gpt3", "/boot/grub", "grub.cfg");
        BootAttempt a = g.runDefaultEntry();
        assertBooted(a, List.of("linux", "(hd0,gpt3)/boot/vmlinuz-6.6.13-gentoo-dist", "root=UUID=" + u, "ro"),
            List.of("initrd", "(hd0,gpt3)/boot/initramfs-6.6.13-gentoo-dist.img"));
        assertNull(g.getVariable("gfxpayload"));
    }

    @Test
    void alpine() {
        String u = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a";
        host.device("hd0,msdos1", u, null)
            .file("/grub/grub.cfg", MemoryHost.resource("alpine-grub.cfg"))
            .file("/vmlinuz-virt", "k").file("/initramfs-virt", "i");
        host.device("hd0,msdos3", "root-uuid", null);
        GrubInterpreter g = boot("hd0,msdos1", "/grub", "grub.cfg");
        assertEquals(2, g.timeout());
        BootAttempt a = g.runDefaultEntry();
        assertBooted(a, List.of("linux", "(hd0,msdos1)/vmlinuz-virt", "root=UUID=0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
            "ro", "modules=sd-mod,usb-storage,ext4", "console=ttyS0,115200", "quiet", "rootfstype=ext4"),
            List.of("initrd", "(hd0,msdos1)/initramfs-virt"));
    }

    @Test
    void vmBhyve() {
        host.device("hd0,msdos1", "u", null).file("/vmlinuz", "k").file("/initrd.img", "i");
        host.device("host", null, null).file("/vm/debian12/grub.cfg", MemoryHost.resource("vm-bhyve-grub.cfg"));
        host.alias("hd0,1", "hd0,msdos1");
        GrubInterpreter g = host.interpreter();
        RunResult r = g.runConfigFile("(host)/vm/debian12/grub.cfg");
        assertEquals(List.of(), r.errors());
        assertEquals(3, g.timeout());
        assertEquals("debian12 (bhyve run)", g.resolveDefault().entry().title());
        BootAttempt a = g.runDefaultEntry();
        assertBooted(a, List.of("linux", "(hd0,1)/vmlinuz", "root=/dev/vda1", "console=ttyS0"),
            List.of("initrd", "(hd0,1)/initrd.img"));
    }
}
