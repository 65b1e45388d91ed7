package org.jgrub.cli.grub;

import java.util.List;

/** {@code while COND; do BODY; done}, or {@code until} when {@code until} is true. */
public record LoopCommand(boolean until, List<Node> condition, List<Node> body, int line) implements Node {
    public LoopCommand {
        condition = List.copyOf(condition);
        body = List.copyOf(body);
    }
}
