package org.jgrub.cli.grub;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Command names to handlers; built-ins and host commands live here alike. As in GRUB, a
 * registered command hides a script function of the same name, except "weak" ones (defaults
 * such as {@code load_video} that configs usually define themselves as functions), which are
 * used only when no function of that name exists.
 */
public final class CommandRegistry {
    private final Map<String, GrubCommand> commands = new TreeMap<>();
    private final Map<String, GrubCommand> weak = new TreeMap<>();

    /** Registers (or replaces) a command. */
    public CommandRegistry register(String name, GrubCommand command) {
        commands.put(name, command);
        weak.remove(name);
        return this;
    }

    /** Registers a command that a script function of the same name overrides. */
    public CommandRegistry registerWeak(String name, GrubCommand command) {
        if (!commands.containsKey(name)) {
            weak.put(name, command);
        }
        return this;
    }

    public void unregister(String name) {
        commands.remove(name);
        weak.remove(name);
    }

    public Optional<GrubCommand> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    Optional<GrubCommand> findWeak(String name) {
        return Optional.ofNullable(weak.get(name));
    }

    /** Every command name, sorted (for help and completion). */
    public java.util.SortedSet<String> names() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(commands.keySet());
        all.addAll(weak.keySet());
        return all;
    }

    public boolean contains(String name) {
        return commands.containsKey(name) || weak.containsKey(name);
    }
}
