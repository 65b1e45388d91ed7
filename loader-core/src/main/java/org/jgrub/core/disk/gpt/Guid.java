package org.jgrub.core.disk.gpt;

/**
 * A GUID as GPT stores it: 16 bytes in the "mixed-endian" order of the UEFI specification
 * (appendix A, and the GPT chapter's EFI_GUID): the first field (4 bytes) and the next two (2 bytes
 * each) are little-endian, the last 8 bytes are stored in the order they are written.
 *
 * @param high the first 8 bytes of the canonical text form, as a number
 * @param low  the last 8 bytes of the canonical text form
 */
public record Guid(long high, long low) {
    /** Bytes on disk. */
    public static final int SIZE = 16;

    /** The unused-entry type GUID {@code 00000000-0000-0000-0000-000000000000}. */
    public static final Guid ZERO = new Guid(0, 0);

    public static Guid parse(byte[] b, int at) {
        long data1 = (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
        long data2 = (b[at + 4] & 0xffL) | (b[at + 5] & 0xffL) << 8;
        long data3 = (b[at + 6] & 0xffL) | (b[at + 7] & 0xffL) << 8;
        long low = 0;
        for (int i = 8; i < 16; i++) {
            low = low << 8 | (b[at + i] & 0xffL);
        }
        return new Guid(data1 << 32 | data2 << 16 | data3, low);
    }

    /** Parses {@code 516e7cb4-6ecf-11d6-8ff8-00022d09712b} (either case). */
    public static Guid fromText(String text) {
        String hex = text.replace("-", "");
        if (text.length() != 36 || hex.length() != 32) {
            throw new IllegalArgumentException("not a GUID: " + text);
        }
        return new Guid(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    public boolean isZero() {
        return high == 0 && low == 0;
    }

    /** Canonical lower-case text: {@code 0fc63daf-8483-4772-8e79-3d69d8477de4}. */
    @Override
    public String toString() {
        return String.format("%08x-%04x-%04x-%04x-%012x", high >>> 32, (high >>> 16) & 0xffff, high & 0xffff,
                low >>> 48, low & 0xffffffffffffL);
    }
}
