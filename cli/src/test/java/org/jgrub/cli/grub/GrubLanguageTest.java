package org.jgrub.cli.grub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GrubLanguageTest {
    private final MemoryHost host = new MemoryHost();
    private final GrubInterpreter grub = host.interpreter();

    private String run(String script) {
        host.out.setLength(0);
        grub.runScript(script, "test.cfg");
        return host.out.toString();
    }

    @Test
    void quotingAndEscapes() {
        assertEquals("a b c\n", run("echo a   b    c"));
        assertEquals("a   b\n", run("echo 'a   b'"));
        assertEquals("$x \\y \"z\"\n", run("x=1; echo '$x' \"\\\\y\" \"\\\"z\\\"\""));
        assertEquals("ab\n", run("echo a\\\nb"));
        assertEquals("x\\qy\n", run("echo \"x\\qy\""));
        assertEquals("semi;colon\n", run("echo 'semi;colon'"));
        assertEquals("a#b\n", run("echo a#b # a comment"));
        assertEquals("one\ntwo\n", run("echo one; echo two"));
    }

    @Test
    void variableExpansion() {
        assertEquals("v1 v1 v1-x v1\n", run("set a=v1; echo $a ${a} ${a}-x \"$a\""));
        assertEquals("[]\n", run("echo \"[$nothing]\""));
        assertEquals("3\n", run("set s=\"a b   c\"; function n { echo $#; }; n $s"));
        assertEquals("1\n", run("set s=\"a b   c\"; function n { echo $#; }; n \"$s\""));
        assertEquals("0\n", run("function n { echo $#; }; n $empty"));
        assertEquals("1\n", run("function n { echo $#; }; n \"$empty\""));
        assertEquals("xa b\n", run("set s=\" a b\"; echo x$s"));
        assertEquals("$ ${ x$\n", run("echo $ \"${\" x$"));
    }

    @Test
    void assignmentForms() {
        run("a=b; set c=d e; f=\"g h\"; export f; unset nope");
        assertEquals("b", grub.getVariable("a"));
        assertEquals("d", grub.getVariable("c"));
        assertEquals("g h", grub.getVariable("f"));
        String out = run("set noassign");
        assertTrue(out.contains("error: not an assignment."), out);
        run("unset a");
        assertNull(grub.getVariable("a"));
    }

    @Test
    void statusVariable() {
        assertEquals("0 1\n", run("true; a=$?; false; echo $a $?"));
        assertEquals("1\n", run("[ a = b ]; echo $?"));
    }

    @Test
    void ifElifElse() {
        String s = "for v in 1 2 3; do if [ $v = 1 ]; then echo one; elif [ $v -eq 2 ]; then echo two; "
            + "else echo other; fi; done";
        assertEquals("one\ntwo\nother\n", run(s));
        assertEquals("yes\n", run("if ! false; then echo yes; fi"));
        assertEquals("multi\n", run("if true\nthen\n  echo multi\nfi"));
    }

    @Test
    void testCommandLikeGrub() {
        assertEquals("t\n", run("if [ x$feature_platform_search_hint = xy ]; then echo t; fi"));
        assertEquals("t\n", run("if [ x$undefined = x ]; then echo t; fi"));
        assertEquals("t\n", run("if [ -z \"$undefined\" ]; then echo t; fi"));
        assertEquals("f\n", run("set k=v; if [ -z \"$k\" ]; then echo t; else echo f; fi"));
        assertEquals("f\n", run("if [ \"${next_entry}\" ]; then echo t; else echo f; fi"));
        assertEquals("t\n", run("if [ -n abc -a 3 -gt 2 ]; then echo t; fi"));
        assertEquals("t\n", run("if [ a = b -o 10 -ge 10 ]; then echo t; fi"));
        assertEquals("t\n", run("if [ ! a = b ]; then echo t; fi"));
        assertEquals("t\n", run("if test a \"<\" b; then echo t; fi"));
        assertEquals("t\n", run("if [ vmlinuz-2 -plt vmlinuz-11 ]; then echo t; fi"));
        assertEquals("t\n", run("if [ 0x10 -eq 16 -a a != b ]; then echo t; fi"));
        host.device("hd0,msdos1", "u", "l").file("/boot/grub/grub.cfg", "x").file("/empty", "");
        grub.setVariable("root", "hd0,msdos1");
        assertEquals("f d e s\n", run("if [ -f /boot/grub/grub.cfg ]; then echo -n 'f '; fi; "
            + "if [ -d (hd0,msdos1)/boot ]; then echo -n 'd '; fi; "
            + "if [ -e /boot ]; then echo -n 'e '; fi; if [ -s /empty ]; then echo no; else echo s; fi"));
        assertEquals("no\n", run("if [ -f /boot ]; then echo yes; else echo no; fi"));
    }

    @Test
    void unsupportedOperatorsAreSyntaxErrorsAndExecutionGoesOn() {
        String out = run("echo before\nif [ a < b ]; then echo x; fi\necho after");
        assertTrue(out.startsWith("before\n"), out);
        assertTrue(out.contains("test.cfg:2: error: syntax error."), out);
        assertTrue(out.endsWith("after\n"), out);
    }

    @Test
    void functionsAndPositionalParameters() {
        String s = "function show { echo \"$1|$2|$#|$*\"; echo $@; }\nshow 'a b' c";
        assertEquals("a b|c|2|a b c\na b c\n", run(s));
        assertEquals("2\n", run("function r { return 2; echo no; }\nr\necho $?").lines()
            .filter(l -> !l.contains("error")).findFirst().orElse("") + "\n");
        assertEquals("b\n", run("function s { shift; echo $1; }; s a b"));
        assertEquals("x y\n", run("function p { setparams x y; echo $1 $2; }; p a"));
        assertTrue(run("return 1").contains("not in function body"));
    }

    @Test
    void loopsBreakContinue() {
        assertEquals("1\n3\n", run("for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done"));
        assertEquals("1\n", run("for i in 1 2 3; do for j in a b; do if [ $i = 2 ]; then break 2; fi; done; echo $i; done"));
        assertEquals("3\n", run("n=0; while [ $n -lt 3 ]; do increment n; done; echo $n"));
        assertEquals("x\n", run("n=0; until [ $n = 1 ]; do n=1; echo x; done"));
    }

    @Test
    void unknownCommandReportsFileAndLine() {
        String out = run("echo ok\n\n  frobnicate --now\necho $?");
        assertEquals("ok\ntest.cfg:3: error: can't find command `frobnicate'.\n16\n", out);
        assertEquals(List.of("test.cfg:3: error: can't find command `frobnicate'."), grub.errors());
    }

    @Test
    void echoOptionsAndEval() {
        assertEquals("a\tb", run("echo -n -e 'a\\tb'"));
        assertEquals("a b\n", run("eval echo a b"));
        assertEquals("x\n", run("eval 'set q=x'; echo $q"));
    }

    @Test
    void regexpAndTr() {
        assertEquals("6.1 18\n", run("regexp --set 1:maj --set 2:min '^vmlinuz-([0-9]+\\.[0-9]+)\\.0-([0-9]+)' "
            + "vmlinuz-6.1.0-18-amd64; echo $maj $min"));
        assertEquals("ABC\n", run("tr -U abc"));
        assertEquals("no\n", run("if regexp '^x' abc; then echo yes; else echo no; fi"));
    }

    @Test
    void cpuidAndKeystatus() {
        assertEquals("64\n", run("if cpuid -l; then echo 64; fi"));
        assertEquals("nokey\n", run("if keystatus --shift; then echo key; else echo nokey; fi"));
    }
}
