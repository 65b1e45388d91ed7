package org.jgrub.cli.grub;

import java.util.List;

/** {@code if COND; then A; [elif ...|else B;] fi}; an elif is an IfCommand alone in orElse. */
public record IfCommand(List<Node> condition, List<Node> then, List<Node> orElse, int line) implements Node {
    public IfCommand {
        condition = List.copyOf(condition);
        then = List.copyOf(then);
        orElse = List.copyOf(orElse);
    }
}
