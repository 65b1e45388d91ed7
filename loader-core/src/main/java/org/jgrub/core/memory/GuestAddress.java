package org.jgrub.core.memory;

/**
 * A guest-physical address. x86 physical addresses are at most 52 bits wide (MAXPHYADDR), so
 * every valid address fits in a non-negative {@code long}; anything at or above 2^63 is refused
 * at construction, and arithmetic is checked so an offset read from an image can never wrap
 * around to a small address.
 */
public record GuestAddress(long value) implements Comparable<GuestAddress> {
    public static final GuestAddress ZERO = new GuestAddress(0);

    public GuestAddress {
        if (value < 0) {
            throw new IllegalArgumentException("guest address 0x" + Long.toUnsignedString(value, 16) + " is beyond 2^63");
        }
    }

    public static GuestAddress of(long value) {
        return new GuestAddress(value);
    }

    /** This address plus {@code offset}; overflow is an {@link ArithmeticException}. */
    public GuestAddress plus(long offset) {
        return new GuestAddress(Math.addExact(value, offset));
    }

    /** Distance from {@code base} up to this address; negative distances are an error. */
    public long minus(GuestAddress base) {
        long d = Math.subtractExact(value, base.value);
        if (d < 0) {
            throw new IllegalArgumentException(this + " lies below " + base);
        }
        return d;
    }

    public boolean isAligned(long alignment) {
        if (Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment " + alignment + " is not a power of two");
        }
        return (value & (alignment - 1)) == 0;
    }

    /** The lowest address at or above this one that is a multiple of {@code alignment}. */
    public GuestAddress alignUp(long alignment) {
        if (Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment " + alignment + " is not a power of two");
        }
        return new GuestAddress(Math.addExact(value, alignment - 1) & -alignment);
    }

    @Override
    public int compareTo(GuestAddress o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(value);
    }
}
