package org.jgrub.cli.grub;

import java.util.List;

/** {@code function NAME { BODY }}. */
public record FunctionDef(String name, List<Node> body, int line) implements Node {
    public FunctionDef {
        body = List.copyOf(body);
    }
}
