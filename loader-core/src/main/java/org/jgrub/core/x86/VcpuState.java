package org.jgrub.core.x86;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything a handoff sets on the boot vCPU: plain registers (general, control, MSR-backed),
 * segment registers and descriptor-table registers. A register that is absent keeps whatever
 * value the VM has after reset — just as a loader that never calls {@code vm_set_register} for it.
 *
 * <p>Immutable; build one with {@link #builder()}.
 */
public record VcpuState(Map<Register, Long> registers, Map<Register, Segment> segments,
                        Map<Register, DescriptorTable> tables) {

    public VcpuState {
        registers = freeze(registers);
        segments = freeze(segments);
        tables = freeze(tables);
        for (Register r : registers.keySet()) {
            if (r.kind() == Register.Kind.SEGMENT || r.kind() == Register.Kind.TABLE) {
                throw new IllegalArgumentException(r + " is set through segments() or tables()");
            }
        }
        for (Register r : segments.keySet()) {
            if (r.kind() != Register.Kind.SEGMENT) {
                throw new IllegalArgumentException(r + " is not a segment register");
            }
        }
        for (Register r : tables.keySet()) {
            if (r.kind() != Register.Kind.TABLE) {
                throw new IllegalArgumentException(r + " is not a descriptor-table register");
            }
        }
    }

    private static <V> Map<Register, V> freeze(Map<Register, V> m) {
        EnumMap<Register, V> copy = new EnumMap<>(Register.class);
        copy.putAll(m);
        return Collections.unmodifiableMap(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean has(Register r) {
        return registers.containsKey(r);
    }

    /** The register's value, or {@code otherwise} when the state leaves it at its reset value. */
    public long valueOr(Register r, long otherwise) {
        Long v = registers.get(r);
        return v == null ? otherwise : v;
    }

    public Segment segment(Register r) {
        return segments.get(r);
    }

    public DescriptorTable table(Register r) {
        return tables.get(r);
    }

    /** A builder, holding the same maps mutable. */
    public static final class Builder {
        private final EnumMap<Register, Long> registers = new EnumMap<>(Register.class);
        private final EnumMap<Register, Segment> segments = new EnumMap<>(Register.class);
        private final EnumMap<Register, DescriptorTable> tables = new EnumMap<>(Register.class);

        public Builder set(Register r, long value) {
            registers.put(r, value);
            return this;
        }

        public Builder segment(Register r, Segment s) {
            segments.put(r, s);
            return this;
        }

        public Builder table(Register r, DescriptorTable t) {
            tables.put(r, t);
            return this;
        }

        public VcpuState build() {
            return new VcpuState(registers, segments, tables);
        }
    }
}
