package org.jgrub.cli.grub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile scripts end with one clear error, quickly, never with a hang or StackOverflowError. */
@Timeout(value = 2, unit = TimeUnit.SECONDS)
class GrubLimitsTest {
    private final MemoryHost host = new MemoryHost();
    private final GrubInterpreter grub = host.interpreter();

    private RunResult run(String script) {
        RunResult r = grub.runScript(script, "evil.cfg");
        assertTrue(r.wasAborted(), "expected an abort");
        assertEquals(1, host.out.toString().lines().filter(l -> l.contains("script stopped")).count(), host.out.toString());
        return r;
    }

    @Test
    void infiniteWhileLoop() {
        assertTrue(run("while true; do true; done").aborted().contains("ran more than"));
    }

    @Test
    void manyLoopsStillHitTheCommandBudget() {
        String r = run("while true; do for i in 1 2 3; do true; done; done").aborted();
        assertNotNull(r);
    }

    @Test
    void unboundedRecursion() {
        assertTrue(run("function f { f; }\nf").aborted().contains("nested deeper"));
    }

    @Test
    void sourceItself() {
        host.device("hd0", null, null).file("/loop.cfg", "source /loop.cfg\n");
        grub.setVariable("root", "hd0");
        assertTrue(run("source /loop.cfg").aborted().contains("nested deeper"));
    }

    @Test
    void configfileItself() {
        host.device("hd0", null, null).file("/loop.cfg", "configfile /loop.cfg\n");
        grub.setVariable("root", "hd0");
        assertTrue(run("configfile /loop.cfg").aborted().contains("nested deeper"));
    }

    @Test
    void deepNesting() {
        String s = "if true; then ".repeat(5000) + "echo" + "; fi".repeat(5000);
        assertTrue(run(s).aborted().contains("nesting deeper"));
    }

    @Test
    void stringDoubling() {
        assertTrue(run("a=x; while true; do a=$a$a; done").aborted().contains("longer than"));
    }

    @Test
    void menuFlood() {
        assertTrue(run("while true; do menuentry x { true; }; done").aborted().contains("menu entries"));
    }

    @Test
    void variableFlood() {
        run("function f { set v$1=1; f x$1; }; f a");
    }

    @Test
    void runawayEntryBodyAndInterpreterStaysUsable() {
        grub.runScript("menuentry loop { while true; do true; done; }", "x.cfg");
        BootAttempt a = grub.runDefaultEntry();
        assertNotNull(a.aborted());
        host.out.setLength(0);
        grub.runScript("echo fine", "y.cfg");
        assertEquals("fine\n", host.out.toString());
    }

    @Test
    void blsDirectoryWithTooManyEntries() {
        MemoryHost.Device d = host.device("hd0,gpt2", "0000", "boot");
        for (int i = 0; i < 5000; i++) {
            d.file("/loader/entries/e" + i + ".conf", "title e" + i + "\nversion " + i + "\nlinux /vmlinuz\n");
        }
        grub.setVariable("root", "hd0,gpt2");
        assertTrue(run("blscfg").aborted().contains("more than 4096 BLS entries"));
    }
}
