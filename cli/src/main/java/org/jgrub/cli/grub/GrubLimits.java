package org.jgrub.cli.grub;

/**
 * Bounds on what a guest-supplied script may make the interpreter do. Exceeding one ends the
 * run with a {@link GrubLimitExceeded} error rather than a hang or a StackOverflowError.
 *
 * @param maxCallDepth      nesting of function calls, source/configfile/eval and menu entries
 * @param maxParseDepth     nesting of if/for/while/blocks in the parser
 * @param maxLoopIterations iterations of any one while/until/for loop
 * @param maxCommands       commands executed in one run (one call of a public run method)
 * @param maxStringLength   length of one expanded argument or variable value
 * @param maxVariables      variables in one context
 * @param maxMenuEntries    entries in one menu
 * @param maxScriptBytes    size of one script file or menu entry body
 * @param maxMillis         wall-clock time of one run
 */
public record GrubLimits(int maxCallDepth, int maxParseDepth, int maxLoopIterations, long maxCommands,
                         int maxStringLength, int maxVariables, int maxMenuEntries, int maxScriptBytes,
                         long maxMillis) {

    /** Generous for real configs (the largest generated ones run a few thousand commands). */
    public static GrubLimits defaults() {
        return new GrubLimits(64, 64, 100_000, 1_000_000, 256 * 1024, 10_000, 4_096, 4 * 1024 * 1024, 10_000);
    }
}
