package org.jgrub.cli.grub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs parsed commands as grub-core/script/execute.c does: {@code $?} after every command,
 * commands before functions before {@code NAME=VALUE} assignments, break/continue counts,
 * function return, positional parameters; plus the {@link GrubLimits} checks.
 */
final class Executor extends ContextBase {
    final CommandRegistry registry;
    final Map<String, FunctionDef> functions = new HashMap<>();
    private final Expander expander = new Expander(this);

    /** Positional parameters of the running function or entry; null at top level. */
    private List<String> scope;
    private int activeLoops;
    private int activeBreaks;
    private boolean isContinue;
    private boolean functionReturn;

    private long commandCount;
    private long deadline = Long.MAX_VALUE;
    private int callDepth;

    Executor(GrubHost host, GrubLimits limits, CommandRegistry registry) {
        super(host, limits);
        this.registry = registry;
    }

    /** Starts a public run: fresh command budget and clock, no control flow pending. */
    void beginRun() {
        commandCount = 0;
        deadline = System.currentTimeMillis() + limits.maxMillis();
        scope = null;
        activeLoops = 0;
        activeBreaks = 0;
        isContinue = false;
        functionReturn = false;
        callDepth = 0;
        block = null;
    }

    // ---- running scripts ------------------------------------------------------------------

    @Override
    public int runScript(String text, String fileName, int firstLine) {
        if (text.length() > limits.maxScriptBytes()) {
            throw new GrubLimitExceeded("script `" + fileName + "' larger than " + limits.maxScriptBytes() + " bytes");
        }
        enterCall(fileName);
        String savedFile = file;
        int savedLine = line;
        file = fileName;
        try {
            Parser parser = new Parser(new Lexer(text, firstLine), limits.maxParseDepth());
            int ret = 0;
            while (true) {
                Node n;
                try {
                    n = parser.nextStatement();
                } catch (SyntaxError e) {
                    line = e.line();
                    printError("syntax error");
                    parser.recover();
                    continue;
                }
                if (n == null) {
                    return ret;
                }
                ret = exec(n);
                if (functionReturn) {
                    return ret;
                }
            }
        } finally {
            file = savedFile;
            line = savedLine;
            callDepth--;
        }
    }

    /** Runs a menu entry body with its arguments as positional parameters. */
    int runBody(String body, List<String> args, String fileName, int firstLine) {
        List<String> savedScope = scope;
        int savedLoops = activeLoops;
        scope = new ArrayList<>(args);
        activeLoops = 0;
        try {
            return runScript(body, fileName, firstLine);
        } finally {
            scope = savedScope;
            activeLoops = savedLoops;
            functionReturn = false;
        }
    }

    private void enterCall(String what) {
        if (++callDepth > limits.maxCallDepth()) {
            callDepth--;
            throw new GrubLimitExceeded("calls nested deeper than " + limits.maxCallDepth()
                + " (functions, source, configfile, menu entries) at " + what);
        }
    }

    private void countCommand() {
        if (++commandCount > limits.maxCommands()) {
            throw new GrubLimitExceeded("more than " + limits.maxCommands() + " commands executed");
        }
        if ((commandCount & 255) == 0 && System.currentTimeMillis() > deadline) {
            throw new GrubLimitExceeded("script ran longer than " + limits.maxMillis() + " ms");
        }
    }

    int exec(Node n) {
        int ret;
        if (n instanceof SimpleCommand c) {
            ret = simple(c);
        } else if (n instanceof IfCommand c) {
            ret = ifCommand(c);
        } else if (n instanceof ForCommand c) {
            ret = forCommand(c);
        } else if (n instanceof LoopCommand c) {
            ret = loop(c);
        } else {
            FunctionDef f = (FunctionDef) n;
            functions.put(f.name(), f);
            ret = 0;
        }
        setStatus(ret);
        return ret;
    }

    int execList(List<Node> list) {
        int ret = 0;
        for (Node n : list) {
            if (activeBreaks > 0) {
                break;
            }
            ret = exec(n);
            if (functionReturn) {
                break;
            }
        }
        return ret;
    }

    private void setStatus(int ret) {
        vars.set("?", Integer.toString(ret));
    }

    private int ifCommand(IfCommand c) {
        int ret = execList(c.condition());
        if (functionReturn) {
            return ret;
        }
        return "0".equals(vars.get("?")) ? execList(c.then()) : execList(c.orElse());
    }

    private int forCommand(ForCommand c) {
        line = c.line();
        List<String> words = expander.expand(c.words());
        activeLoops++;
        int ret = 0;
        int iterations = 0;
        for (String w : words) {
            if (isContinue && activeBreaks == 1) {
                activeBreaks = 0;
            }
            if (activeBreaks > 0) {
                break;
            }
            checkIterations(++iterations, c.line());
            vars.set(c.variable(), w);
            ret = execList(c.body());
            if (functionReturn) {
                break;
            }
        }
        if (isContinue && activeBreaks == 1) {
            activeBreaks = 0;
        }
        if (activeBreaks > 0) {
            activeBreaks--;
        }
        activeLoops--;
        return ret;
    }

    private int loop(LoopCommand c) {
        activeLoops++;
        int ret;
        int iterations = 0;
        while (true) {
            checkIterations(++iterations, c.line());
            ret = execList(c.condition());
            if (functionReturn || (c.until() ? ret == 0 : ret != 0)) {
                break;
            }
            ret = execList(c.body());
            if (functionReturn) {
                break;
            }
            if (activeBreaks == 1 && isContinue) {
                activeBreaks = 0;
            }
            if (activeBreaks > 0) {
                break;
            }
        }
        if (activeBreaks > 0) {
            activeBreaks--;
        }
        activeLoops--;
        return ret;
    }

    private void checkIterations(int n, int loopLine) {
        if (n > limits.maxLoopIterations()) {
            throw new GrubLimitExceeded("loop at " + file + ":" + loopLine + " ran more than "
                + limits.maxLoopIterations() + " times");
        }
    }

    private int simple(SimpleCommand c) {
        line = c.line();
        countCommand();
        List<String> argv = expander.expand(c.words());
        if (argv.isEmpty()) {
            return 0;
        }
        boolean invert = false;
        if (argv.get(0).equals("!")) {
            if (argv.size() < 2) {
                printError("no command is specified");
                return GrubError.BAD_ARGUMENT;
            }
            invert = true;
            argv = argv.subList(1, argv.size());
        }
        String name = argv.get(0);
        List<String> args = List.copyOf(argv.subList(1, argv.size()));
        Optional<GrubCommand> cmd = registry.find(name);
        FunctionDef function = cmd.isPresent() ? null : functions.get(name);
        if (cmd.isEmpty() && function == null) {
            cmd = registry.findWeak(name);
        }
        if (cmd.isEmpty() && function == null) {
            return notACommand(name);
        }
        int ret;
        GrubError error = null;
        if (cmd.isPresent()) {
            Block saved = block;
            block = c.block();
            try {
                cmd.get().execute(this, args);
                ret = 0;
            } catch (GrubError e) {
                error = e;
                ret = e.code();
            } finally {
                block = saved;
            }
        } else {
            ret = callFunction(function, args);
        }
        if (invert) {
            if (ret == GrubError.TEST_FAILURE) {
                ret = 0;
                error = null;
            } else if (ret == 0) {
                ret = GrubError.TEST_FAILURE;
            } else {
                report(error);
                error = null;
                ret = 0;
            }
        }
        report(error);
        return ret;
    }

    private void report(GrubError e) {
        if (e != null && e.code() != GrubError.TEST_FAILURE && e.getMessage() != null && !e.getMessage().isEmpty()) {
            printError(e.getMessage());
        }
    }

    /** Not a command or function: a {@code NAME=VALUE} assignment, else GRUB's unknown command error. */
    private int notACommand(String word) {
        int eq = word.indexOf('=');
        if (eq > 0 || (eq == 0 && word.length() > 0)) {
            String name = word.substring(0, eq);
            if (isSpecial(name)) {
                printError("invalid variable name `" + name + "'");
                return GrubError.BAD_ARGUMENT;
            }
            vars.set(name, word.substring(eq + 1));
            return 0;
        }
        String shown = word.length() > 63 ? word.substring(0, 63) : word;
        printError("can't find command `" + shown + "'");
        return GrubError.UNKNOWN_COMMAND;
    }

    static boolean isSpecial(String name) {
        return name.isEmpty() || Character.isDigit(name.charAt(0)) || name.equals("#") || name.equals("*")
            || name.equals("@");
    }

    private int callFunction(FunctionDef f, List<String> args) {
        enterCall("function " + f.name());
        List<String> savedScope = scope;
        int savedLoops = activeLoops;
        scope = new ArrayList<>(args);
        activeLoops = 0;
        try {
            return execList(f.body());
        } finally {
            functionReturn = false;
            activeLoops = savedLoops;
            scope = savedScope;
            callDepth--;
        }
    }

    // ---- control-flow built-ins -------------------------------------------------------------

    void breakLoops(int count, boolean cont) {
        isContinue = cont;
        activeBreaks = Math.min(count, activeLoops);
    }

    void functionReturn(int code) {
        if (scope == null) {
            throw GrubError.badArgument("not in function body");
        }
        functionReturn = true;
        if (code != 0) {
            throw new GrubError(code, "false");
        }
    }

    boolean inFunction() {
        return scope != null;
    }

    void shift(int n) {
        if (scope == null) {
            return;
        }
        if (n > scope.size()) {
            throw new GrubError(GrubError.BAD_ARGUMENT, "");
        }
        scope = new ArrayList<>(scope.subList(n, scope.size()));
    }

    void setParams(List<String> args) {
        if (scope == null) {
            throw new GrubError(GrubError.INVALID_COMMAND, "");
        }
        scope = new ArrayList<>(args);
    }

    List<String> scope() {
        return scope;
    }

    @Override
    public List<String> positional() {
        return scope == null ? List.of() : List.copyOf(scope);
    }
}
