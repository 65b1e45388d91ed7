package org.jgrub.core.memory;

/** One contiguous range of guest RAM, {@code [start, start + size)}. */
public record GuestRegion(GuestAddress start, long size) {
    public GuestRegion {
        if (size <= 0) {
            throw new IllegalArgumentException("region size " + size + " must be positive");
        }
        start.plus(size); // the end must be representable
    }

    public GuestAddress end() {
        return start.plus(size);
    }

    /** Whether {@code [address, address + length)} lies wholly inside this region. */
    public boolean contains(GuestAddress address, long length) {
        long a = address.value();
        long s = start.value();
        return length >= 0 && a >= s && a - s <= size && length <= size - (a - s);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end() + ")";
    }
}
