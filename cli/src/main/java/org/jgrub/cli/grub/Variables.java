package org.jgrub.cli.grub;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * GRUB's environment: a stack of contexts (grub-core/normal/context.c). {@code configfile} and
 * submenus open a new context that starts with copies of the exported variables only, and has
 * its own menu; closing it drops everything set inside.
 */
final class Variables {
    /** One context: variables, which of them are exported, and its menu. */
    static final class Frame {
        final Map<String, String> vars = new LinkedHashMap<>();
        final Set<String> exported = new HashSet<>();
        final Menu menu = new Menu();
    }

    private final Deque<Frame> frames = new ArrayDeque<>();
    private final GrubLimits limits;

    Variables(GrubLimits limits) {
        this.limits = limits;
        frames.push(new Frame());
    }

    Frame current() {
        return frames.peek();
    }

    int depth() {
        return frames.size();
    }

    String get(String name) {
        return current().vars.get(name);
    }

    void set(String name, String value) {
        if (value.length() > limits.maxStringLength()) {
            throw new GrubLimitExceeded("value of variable `" + name + "' longer than "
                + limits.maxStringLength() + " characters");
        }
        Frame f = current();
        if (!f.vars.containsKey(name) && f.vars.size() >= limits.maxVariables()) {
            throw new GrubLimitExceeded("more than " + limits.maxVariables() + " variables");
        }
        f.vars.put(name, value);
    }

    void unset(String name) {
        current().vars.remove(name);
    }

    /** Marks a variable exported; like GRUB, an unset one is created empty. */
    void export(String name) {
        if (!current().vars.containsKey(name)) {
            set(name, "");
        }
        current().exported.add(name);
    }

    /** Marks a name exported without creating it (GRUB exports root and prefix from the start). */
    void markExported(String name) {
        current().exported.add(name);
    }

    boolean isExported(String name) {
        return current().exported.contains(name);
    }

    Map<String, String> snapshot() {
        return Map.copyOf(current().vars);
    }

    /** Opens a new context with the exported variables (still exported) and an empty menu. */
    void open() {
        Frame prev = current();
        Frame f = new Frame();
        for (String name : prev.exported) {
            String v = prev.vars.get(name);
            if (v != null) {
                f.vars.put(name, v);
                f.exported.add(name);
            }
        }
        frames.push(f);
    }

    void close() {
        if (frames.size() > 1) {
            frames.pop();
        }
    }

    /** Closes contexts until {@code depth} remain. */
    void closeTo(int depth) {
        while (frames.size() > depth && frames.size() > 1) {
            frames.pop();
        }
    }
}
