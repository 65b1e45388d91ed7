package org.jgrub.cli.grub;

import java.util.List;

/**
 * A <code>{ ... }</code> argument (menuentry and submenu bodies): its source text between the
 * braces, kept to be run later as GRUB does, the line it starts on, and the parsed commands
 * (parsed once so a syntax error shows when the block is defined, as in GRUB).
 */
public record Block(String source, int line, List<Node> body) {
    public Block {
        body = List.copyOf(body);
    }
}
