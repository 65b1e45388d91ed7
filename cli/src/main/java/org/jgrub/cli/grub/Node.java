package org.jgrub.cli.grub;

/** A parsed command. */
public sealed interface Node permits SimpleCommand, IfCommand, ForCommand, LoopCommand, FunctionDef {
    /** Line the command starts on. */
    int line();
}
