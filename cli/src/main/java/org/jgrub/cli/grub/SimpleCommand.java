package org.jgrub.cli.grub;

import java.util.List;

/** {@code word arguments... [block]}. */
public record SimpleCommand(List<Word> words, Block block, int line) implements Node {
    public SimpleCommand {
        words = List.copyOf(words);
    }
}
