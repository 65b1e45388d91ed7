package org.jgrub.core.x86;

/** GDTR or IDTR: a linear base and a 16-bit limit (size in bytes minus one). */
public record DescriptorTable(long base, int limit) {
    public DescriptorTable {
        if (limit < 0 || limit > 0xffff) {
            throw new IllegalArgumentException("table limit 0x" + Integer.toHexString(limit) + " is not 16-bit");
        }
    }

    @Override
    public String toString() {
        return String.format("base=0x%x limit=0x%x", base, limit);
    }
}
