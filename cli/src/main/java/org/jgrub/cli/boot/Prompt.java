package org.jgrub.cli.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jgrub.cli.grub.GrubInterpreter;
import org.jgrub.cli.grub.GrubPath;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * GRUB's {@code grub>} prompt. On a terminal: JLine line editing, history, and tab completion of
 * command names and of guest paths ({@code (hd0,gpt2)/bo<TAB>}). From a pipe: one line at a time
 * (lines are gathered while a block is still open), and the end of input ends the prompt — it
 * never waits on a closed stream.
 */
public final class Prompt {
    /** How the prompt ended. */
    public enum End { BOOT, END_OF_INPUT }

    /** Most lines gathered for one open block before it is run (or rejected) anyway. */
    private static final int MAX_BLOCK_LINES = 10_000;

    private final GrubInterpreter grub;
    private final LoaderConsole loaderConsole;
    private final PrintStream console;

    public Prompt(GrubInterpreter grub, LoaderConsole console) {
        this.grub = grub;
        this.loaderConsole = console;
        this.console = console.out();
    }

    /** Runs the prompt on the console's terminal when there is one, else on its input line by line. */
    public End run() throws IOException {
        if (loaderConsole.interactive()) {
            try (Terminal t = loaderConsole.terminal()) {
                return interactive(t);
            }
        }
        return lines(new BufferedReader(new InputStreamReader(loaderConsole.in(), StandardCharsets.UTF_8)));
    }

    private End interactive(Terminal t) {
        LineReader reader = LineReaderBuilder.builder().terminal(t).appName("jgrub")
                .completer((r, line, candidates) -> complete(line.words(), line.wordIndex(), line.word(), candidates))
                .build();
        t.writer().println("Minimal BASH-like line editing is supported. For the first word, TAB lists possible"
                + " command completions. Anywhere else TAB lists possible device or file completions. "
                + "Ctrl-D leaves.");
        StringBuilder block = new StringBuilder();
        while (true) {
            String line;
            try {
                line = reader.readLine(block.length() == 0 ? "grub> " : "> ");
            } catch (UserInterruptException e) {
                block.setLength(0);
                continue;
            } catch (EndOfFileException e) {
                return End.END_OF_INPUT;
            }
            if (execute(block, line)) {
                return End.BOOT;
            }
        }
    }

    private End lines(BufferedReader in) throws IOException {
        StringBuilder block = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            if (execute(block, line)) {
                return End.BOOT;
            }
        }
        if (block.length() > 0) {
            console.println("error: input ended inside an unfinished block.");
        }
        return End.END_OF_INPUT;
    }

    /** Adds a line; runs the gathered text once every block is closed. True when it booted. */
    private boolean execute(StringBuilder block, String line) {
        block.append(line).append('\n');
        if (open(block) > 0 && block.chars().filter(c -> c == '\n').count() < MAX_BLOCK_LINES) {
            return false;
        }
        String text = block.toString();
        block.setLength(0);
        try {
            grub.runScript(text, "(prompt)");
        } catch (BootRequested boot) {
            return true;
        }
        return false;
    }

    /** How many blocks the text leaves open: braces, if/fi, loops/done (outside quotes and comments). */
    static int open(CharSequence text) {
        int depth = 0;
        for (String raw : text.toString().split("\n")) {
            String line = raw.replaceAll("'[^']*'|\"(\\\\.|[^\"\\\\])*\"", "''");
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            for (String w : line.split("[\\s;]+")) {
                switch (w) {
                    case "if", "while", "until", "for" -> depth++;
                    case "fi", "done" -> depth--;
                    default -> { }
                }
            }
            for (char c : line.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
        }
        return Math.max(0, depth);
    }

    private void complete(List<String> words, int index, String word, List<Candidate> out) {
        if (index == 0) {
            for (String name : grub.commands().names()) {
                out.add(new Candidate(name));
            }
            return;
        }
        try {
            if (word.startsWith("(") && !word.contains(")")) {
                for (String dev : grub.context().host().devices()) {
                    out.add(new Candidate("(" + dev + ")", "(" + dev + ")", null, null, null, null, false));
                }
                return;
            }
            int slash = word.lastIndexOf('/');
            String dir = slash < 0 ? "" : word.substring(0, slash + 1);
            if (slash < 0) {
                return;
            }
            GrubPath p = GrubPath.parse(dir.equals("/") || dir.endsWith(")/") ? dir : dir.substring(0, dir.length() - 1),
                    grub.getVariable("root"));
            for (String name : grub.context().host().listDirectory(p)) {
                boolean isDir = grub.context().host().stat(p.child(name)).map(f -> f.directory()).orElse(false);
                out.add(new Candidate(dir + name + (isDir ? "/" : ""), name + (isDir ? "/" : ""), null, null, null, null,
                        !isDir));
            }
        } catch (RuntimeException unknownPath) {
            // nothing to offer
        }
    }
}
