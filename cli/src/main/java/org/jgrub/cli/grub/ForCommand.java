package org.jgrub.cli.grub;

import java.util.List;

/** {@code for NAME in WORDS; do BODY; done}. */
public record ForCommand(String variable, List<Word> words, List<Node> body, int line) implements Node {
    public ForCommand {
        words = List.copyOf(words);
        body = List.copyOf(body);
    }
}
