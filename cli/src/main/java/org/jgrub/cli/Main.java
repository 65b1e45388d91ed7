package org.jgrub.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.UsageException;
import picocli.CommandLine;

/**
 * Entry point. Every failure reaches the user as one line, {@code jgrub: <message>}, and a
 * non-zero status; a stack trace appears only with {@code --debug}.
 */
public final class Main {
    /** Exit status for errors while working. */
    public static final int EXIT_ERROR = 1;
    /** Exit status for bad usage. */
    public static final int EXIT_USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new JgrubCommand());
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            if (debug) {
                ex.printStackTrace(err);
            }
            err.println("jgrub: " + ex.getMessage() + " (see 'jgrub --help')");
            err.flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (debug) {
                ex.printStackTrace(err);
            }
            err.println("jgrub: " + message(ex));
            err.flush();
            return ex instanceof UsageException ? EXIT_USAGE : EXIT_ERROR;
        });
        return cl.execute(args);
    }

    /** The one line for an exception: ours carry a complete message; anything else is a bug. */
    static String message(Throwable ex) {
        if (ex instanceof JgrubException && ex.getMessage() != null) {
            return ex.getMessage();
        }
        String m = ex.getMessage();
        return "internal error: " + ex.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                + " (run with --debug for details)";
    }
}
