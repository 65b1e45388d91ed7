package org.jgrub.cli.grub;

import java.util.List;

/** What a {@link GrubCommand} may use of the interpreter while it runs. */
public interface GrubContext {
    GrubHost host();

    GrubLimits limits();

    /** Variable value, or null when unset. */
    String getVariable(String name);

    void setVariable(String name, String value);

    void unsetVariable(String name);

    void exportVariable(String name);

    /** Resolves a GRUB file name against {@code $root}. */
    GrubPath resolve(String name);

    /** Reads a file by GRUB file name through the host, with the script size limit. */
    String readText(String name);

    /** The <code>{ ... }</code> block given to the running command, or null. */
    Block block();

    /** The menu of the current context. */
    Menu menu();

    void addMenuEntry(MenuEntry entry);

    /** Script file and line of the running command. */
    String file();

    int line();

    /** Prints text as is (no newline added). */
    void print(String text);

    /** Prints {@code FILE:LINE: error: MESSAGE.} and records it, as for a failed command. */
    void printError(String message);

    /** Runs script text in the current context (eval, source), statement by statement. */
    int runScript(String text, String fileName, int firstLine);

    /** The positional parameters of the running function or menu entry (empty outside). */
    List<String> positional();
}
