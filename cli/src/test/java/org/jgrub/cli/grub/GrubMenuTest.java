package org.jgrub.cli.grub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GrubMenuTest {
    private final MemoryHost host = new MemoryHost();
    private final GrubInterpreter grub = host.interpreter();

    private static final String MENU = String.join("\n",
        "menuentry 'First' --class a --class b --id first --hotkey f --unrestricted { echo body-first $1 }",
        "submenu 'Sub' $menuentry_id_option sub {",
        "  menuentry 'In A' --id ina { echo body-ina }",
        "  menuentry 'In B' --id inb { echo body-inb }",
        "  menuentry 'With >> sign' --id 'x>y' { echo body-sign }",
        "}",
        "menuentry \"Third\" { echo body-third }",
        "");

    private String bodyRun(String defaultValue) {
        GrubInterpreter grub = host.interpreter();
        grub.runScript(MENU, "menu.cfg");
        if (defaultValue == null) {
            grub.unsetVariable("default");
        } else {
            grub.setVariable("default", defaultValue);
        }
        host.out.setLength(0);
        grub.runDefaultEntry();
        return host.out.toString().strip();
    }

    @Test
    void entriesAreCollectedWithoutRunningBodies() {
        RunResult r = grub.runScript(MENU, "menu.cfg");
        assertEquals(List.of(), r.errors());
        assertEquals("", host.out.toString());
        assertEquals(3, grub.menu().size());
        MenuEntry e = grub.menu().get(0);
        assertEquals("First", e.title());
        assertEquals("first", e.id());
        assertEquals(List.of("a", "b"), e.classes());
        assertEquals("f", e.hotkey());
        assertTrue(e.unrestricted());
        assertEquals(" echo body-first $1 ", e.body());
        assertTrue(grub.menu().get(1).submenu());
        assertEquals("sub", grub.menu().get(1).id());
        assertNull(grub.menu().get(2).id());
        assertEquals("Third", grub.menu().get(2).effectiveId());
    }

    @Test
    void defaultByIndexIdTitleAndPath() {
        assertEquals("body-first First", bodyRun(null));
        assertEquals("body-third", bodyRun("2"));
        assertEquals("body-first First", bodyRun("7"));
        assertEquals("body-third", bodyRun("Third"));
        assertEquals("body-first First", bodyRun("first"));
        assertEquals("body-ina", bodyRun("1"));
        assertEquals("body-inb", bodyRun("1>1"));
        assertEquals("body-inb", bodyRun("sub>inb"));
        assertEquals("body-inb", bodyRun("Sub>In B"));
        assertEquals("body-sign", bodyRun("sub>x>>y"));
        assertEquals("body-first First", bodyRun("nonexistent"));
    }

    @Test
    void resolveDefaultDoesNotRunAnything() {
        grub.runScript(MENU + "set default='sub>inb'\n", "menu.cfg");
        DefaultChoice c = grub.resolveDefault();
        assertEquals(1, c.index());
        assertEquals("inb", c.submenuDefault());
        assertEquals("", host.out.toString());
        assertEquals("sub>inb", grub.getVariable("default"));
    }

    @Test
    void chosenIsSetWhileTheEntryRuns() {
        grub.runScript("menuentry A --id a { echo $chosen }\nsubmenu S --id s { menuentry B --id b { echo $chosen } }",
            "c.cfg");
        grub.setVariable("default", "1");
        grub.runDefaultEntry();
        assertEquals("s>b\n", host.out.toString());
    }

    @Test
    void fallbackAfterAFailingEntry() {
        host.device("hd0", "u", null).file("/vmlinuz", "k");
        grub.setVariable("root", "hd0");
        grub.runScript("set default=0\nset fallback=\"2 1\"\nmenuentry broken { linux /missing }\n"
            + "menuentry good { linux /vmlinuz a=1 }\nmenuentry alsobroken { linux /nothere }\n", "f.cfg");
        BootAttempt a = grub.runDefaultEntry();
        assertTrue(a.ok(), a + host.out.toString());
        assertEquals("good", a.entry().title());
        assertEquals(List.of("linux", "(hd0)/vmlinuz", "a=1"), host.last("linux"));
        assertTrue(host.out.toString().contains("f.cfg:3: error: file `/missing' not found."), host.out.toString());
    }

    @Test
    void menuentryErrors() {
        RunResult r = grub.runScript("menuentry\nmenuentry x\nmenuentry y --bogus { true }", "e.cfg");
        assertEquals(List.of("e.cfg:1: error: missing arguments.", "e.cfg:2: error: no menuentry definition.",
            "e.cfg:3: error: unknown argument `--bogus'."), r.errors());
        assertEquals(0, grub.menu().size());
    }

    @Test
    void searchByUuidLabelFileWithHints() {
        host.device("fd0", "AAAA", "FLOPPY");
        host.device("hd0,msdos1", "1111-aaaa", "boot").file("/boot/marker", "x");
        host.device("hd1,msdos1", "1111-AAAA", "clone").file("/boot/marker", "x");
        grub.runScript("search --no-floppy --fs-uuid --set=root 1111-AAAA", "s.cfg");
        assertEquals("hd0,msdos1", grub.getVariable("root"));
        grub.runScript("search --fs-uuid --set=r2 --hint-bios=hd1,msdos1 1111-aaaa", "s.cfg");
        assertEquals("hd1,msdos1", grub.getVariable("r2"));
        grub.runScript("search -l --set=lab clone; search -f -s --hint=hd1, /boot/marker; search.fs_label FLOPPY fl", "s.cfg");
        assertEquals("hd1,msdos1", grub.getVariable("lab"));
        assertEquals("hd1,msdos1", grub.getVariable("root"));
        assertEquals("fd0", grub.getVariable("fl"));
        RunResult r = grub.runScript("search --fs-uuid --set=root nope\necho $?", "s.cfg");
        assertEquals(List.of("s.cfg:1: error: no such device: nope."), r.errors());
        assertEquals("hd1,msdos1", grub.getVariable("root"));
        assertTrue(host.out.toString().endsWith("5\n"));
    }

    @Test
    void loadEnvReadsTheBlockAndSaveEnvWritesNothing() {
        String env = GeneratedConfigsTest.grubenv("saved_entry=gnulinux-advanced-x>gnulinux-6.1-advanced-x",
            "multi=a\\\nb", "other=1");
        host.device("hd0,gpt2", "u", null).file("/boot/grub/grubenv", env).file("/alt/env", env);
        grub.setVariable("root", "hd0,gpt2");
        grub.setVariable("prefix", "(hd0,gpt2)/boot/grub");
        RunResult r = grub.runScript("load_env\nset default=\"${saved_entry}\"\nsave_env saved_entry\n"
            + "load_env -f /alt/env other\n", "l.cfg");
        assertEquals(List.of(), r.errors());
        assertEquals("gnulinux-advanced-x>gnulinux-6.1-advanced-x", grub.getVariable("default"));
        assertEquals("a\nb", grub.getVariable("multi"));
        assertEquals("1", grub.getVariable("other"));
        assertEquals(env, host.devices.get("hd0,gpt2").files.get("/boot/grub/grubenv"));
        grub.unsetVariable("other");
        grub.runScript("load_env -f /alt/env multi", "l.cfg");
        assertNull(grub.getVariable("other"));
        r = grub.runScript("load_env -f /missing", "l.cfg");
        assertEquals(List.of("l.cfg:1: error: file `/missing' not found."), r.errors());
    }

    @Test
    void configfileOpensANewContextAndMenu() {
        host.device("hd0,msdos1", "u", null)
            .file("/stub.cfg", "set root=hd0,msdos1\nset inner=1\nexport root\nconfigfile /real.cfg\necho not-reached\n")
            .file("/real.cfg", "echo exported=$ex unexported=$un\nmenuentry Real { echo real-body $inner }\n");
        grub.setVariable("root", "hd0,msdos1");
        grub.runScript("set ex=1; export ex; set un=2\nmenuentry Outer { true }", "top.cfg");
        grub.runConfigFile("/stub.cfg");
        assertEquals("exported=1 unexported=\n", host.out.toString());
        assertEquals(1, grub.menu().size());
        assertEquals("Real", grub.menu().get(0).title());
        host.out.setLength(0);
        grub.runDefaultEntry();
        assertEquals("real-body\n", host.out.toString());
    }

    @Test
    void configfileWithoutEntriesReturnsToTheCaller() {
        host.device("hd0", "u", null).file("/empty.cfg", "set x=1\n");
        grub.setVariable("root", "hd0");
        grub.runScript("configfile /empty.cfg\necho back $x\nsource /empty.cfg\necho $x", "t.cfg");
        assertEquals("back\n1\n", host.out.toString());
    }

    @Test
    void hostCommandsAreLookedUpLikeBuiltins() {
        grub.commands().register("mycmd", (ctx, args) -> ctx.print("my " + args + "\n"));
        grub.commands().register("echo", (ctx, args) -> ctx.print("host echo\n"));
        grub.runScript("function mycmd { echo function; }\nmycmd a 'b c'\necho hi\nload_video\n"
            + "function load_video { set lv=1; }\nload_video", "h.cfg");
        assertEquals("my [a, b c]\nhost echo\n", host.out.toString());
        assertEquals("1", grub.getVariable("lv"));
        assertFalse(grub.commands().find("load_video").isPresent());
    }

    @Test
    void blsVersionOrder() {
        assertTrue(BlsVersion.compareIds("m-5.14.0-362.8.1.el9_3.x86_64", "m-5.14.0-284.11.1.el9_2.x86_64") > 0);
        assertTrue(BlsVersion.compareIds("m-6.10.0-1.fc40", "m-6.9.12-1.fc40") > 0);
        assertTrue(BlsVersion.compareIds("m-6.9.0-0.rc1", "m-6.9.0-1") < 0);
        assertTrue(BlsVersion.compareIds("m-0-rescue", "m-5.14.0-1") < 0);
        assertTrue(BlsVersion.vercmp("1.0~rc1", "1.0") < 0);
        assertEquals(0, BlsVersion.vercmp("1.0", "1.0"));
    }
}
