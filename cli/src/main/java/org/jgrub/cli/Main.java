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
        String sub = subcommandOf(args);
        for (var e : JgrubCommand.SUBCOMMANDS.entrySet()) {
            if (sub == null || sub.equals(e.getKey())) {
                cl.addSubcommand(e.getKey(), e.getValue().get());
            }
        }
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

    /** Options of the main command that take a value: their value is never a subcommand name. */
    private static final java.util.Set<String> TAKES_VALUE = java.util.Set.of("-M", "--memory", "--vmm", "--dump-dir",
            "--vmmapi-library", "-c", "--cons-dev", "--accel", "-d", "--disk", "-m", "--device-map", "-r", "--root",
            "--entry", "--script", "--grub-dir", "-g", "--grub-cfg", "--linux-entry");

    /**
     * The subcommand a command line names, as picocli will find it (the first argument equal to
     * a subcommand's name that is not an option's value); null when there is none.
     */
    static String subcommandOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            if (TAKES_VALUE.contains(a)) {
                i++;
                continue;
            }
            if (JgrubCommand.SUBCOMMANDS.containsKey(a)) {
                return a;
            }
            if (!a.startsWith("-")) {
                return null; // the VM name: everything after it belongs to the main command
            }
        }
        return null;
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
