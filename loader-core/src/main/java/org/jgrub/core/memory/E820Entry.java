package org.jgrub.core.memory;

/**
 * One e820/SMAP range: {@code u64 addr, u64 size, u32 type}, 20 bytes packed, as in Linux's
 * {@code struct boot_e820_entry} ({@code arch/x86/include/uapi/asm/bootparam.h}); FreeBSD's
 * {@code struct bios_smap} has the same shape.
 */
public record E820Entry(GuestAddress address, long size, Type type) {
    /** Size of one packed entry in bytes. */
    public static final int SIZE = 20;

    /** The e820 type codes ({@code E820_TYPE_RAM = 1}, {@code E820_TYPE_RESERVED = 2}). */
    public enum Type {
        RAM(1), RESERVED(2);

        private final int code;

        Type(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    public E820Entry {
        if (size <= 0) {
            throw new IllegalArgumentException("e820 entry size must be positive");
        }
    }

    public GuestAddress end() {
        return address.plus(size);
    }

    /** The 20-byte little-endian encoding. */
    public void encode(java.nio.ByteBuffer out) {
        out.order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.putLong(address.value()).putLong(size).putInt(type.code());
    }
}
