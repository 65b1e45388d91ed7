package org.jgrub.cli.grub;

import java.util.ArrayList;
import java.util.List;

/** The state and plain accessors of {@link GrubContext} that {@link Executor} builds on. */
abstract class ContextBase implements GrubContext {
    final GrubHost host;
    final GrubLimits limits;
    final Variables vars;
    final List<String> errors = new ArrayList<>();
    String file = "";
    int line;
    Block block;

    ContextBase(GrubHost host, GrubLimits limits) {
        this.host = host;
        this.limits = limits;
        this.vars = new Variables(limits);
    }

    @Override
    public GrubHost host() {
        return host;
    }

    @Override
    public GrubLimits limits() {
        return limits;
    }

    @Override
    public String getVariable(String name) {
        return vars.get(name);
    }

    @Override
    public void setVariable(String name, String value) {
        vars.set(name, value);
    }

    @Override
    public void unsetVariable(String name) {
        vars.unset(name);
    }

    @Override
    public void exportVariable(String name) {
        vars.export(name);
    }

    @Override
    public GrubPath resolve(String name) {
        return GrubPath.parse(name, vars.get("root"));
    }

    @Override
    public String readText(String name) {
        String text = host.readText(resolve(name));
        if (text.length() > limits.maxScriptBytes()) {
            throw new GrubLimitExceeded("file `" + name + "' larger than " + limits.maxScriptBytes() + " bytes");
        }
        return text;
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public Menu menu() {
        return vars.current().menu;
    }

    @Override
    public void addMenuEntry(MenuEntry entry) {
        vars.current().menu.add(entry, limits.maxMenuEntries());
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public void print(String text) {
        host.print(text);
    }

    @Override
    public void printError(String message) {
        String where = file == null || file.isEmpty() ? "" : file + ":" + line + ": ";
        String text = where + "error: " + message + ".";
        errors.add(text);
        host.print(text + "\n");
    }
}
