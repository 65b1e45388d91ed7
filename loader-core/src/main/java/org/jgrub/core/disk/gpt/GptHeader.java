package org.jgrub.core.disk.gpt;

import java.util.zip.CRC32;

/**
 * The GPT header (UEFI specification, GPT chapter, "GPT Header" table; FreeBSD
 * {@code struct gpt_hdr} in {@code sys/sys/disk/gpt.h}). All numbers little-endian:
 * bytes 0–7 signature {@code "EFI PART"}, 8–11 revision, 12–15 header size, 16–19 CRC32 of the
 * header (computed with this field zero), 20–23 reserved, 24–31 MyLBA, 32–39 AlternateLBA,
 * 40–47 FirstUsableLBA, 48–55 LastUsableLBA, 56–71 DiskGUID, 72–79 PartitionEntryLBA,
 * 80–83 NumberOfPartitionEntries, 84–87 SizeOfPartitionEntry, 88–91 PartitionEntryArrayCRC32.
 *
 * @param signature    the first 8 bytes as a little-endian number ({@link #SIGNATURE} when valid)
 * @param revision     {@link #REVISION_1_0} for every GPT written so far
 * @param headerSize   unsigned 32-bit
 * @param headerCrc    unsigned 32-bit, as stored
 * @param myLba        the LBA holding this header
 * @param alternateLba the LBA of the other copy
 * @param entryCount   unsigned 32-bit
 * @param entrySize    unsigned 32-bit
 * @param entryArrayCrc unsigned 32-bit
 */
public record GptHeader(long signature, long revision, long headerSize, long headerCrc, long myLba, long alternateLba,
        long firstUsableLba, long lastUsableLba, Guid diskGuid, long entryArrayLba, long entryCount, long entrySize,
        long entryArrayCrc) {
    /** Bytes of the fields defined by revision 1.0 (the smallest legal HeaderSize). */
    public static final int SIZE = 92;
    /** {@code "EFI PART"} read as a little-endian 64-bit number (UEFI spec: 0x5452415020494645). */
    public static final long SIGNATURE = 0x5452415020494645L;
    /** Revision 1.0 (UEFI spec: 0x00010000); FreeBSD's {@code GPT_HDR_REVISION}. */
    public static final long REVISION_1_0 = 0x00010000L;
    /** Where the primary header lives (UEFI spec: LBA 1). */
    public static final long PRIMARY_LBA = 1;

    static final int HEADER_CRC = 16;

    public static GptHeader parse(byte[] b) {
        if (b.length < SIZE) {
            throw new IllegalArgumentException("a GPT header is at least " + SIZE + " bytes, not " + b.length);
        }
        return new GptHeader(u64(b, 0), u32(b, 8), u32(b, 12), u32(b, HEADER_CRC), u64(b, 24), u64(b, 32),
                u64(b, 40), u64(b, 48), Guid.parse(b, 56), u64(b, 72), u32(b, 80), u32(b, 84), u32(b, 88));
    }

    /** CRC32 of the first {@code size} bytes of {@code sector} with the HeaderCRC32 field taken as zero. */
    public static long computeCrc(byte[] sector, int size) {
        byte[] copy = java.util.Arrays.copyOf(sector, size);
        for (int i = HEADER_CRC; i < HEADER_CRC + 4 && i < size; i++) {
            copy[i] = 0;
        }
        CRC32 crc = new CRC32();
        crc.update(copy);
        return crc.getValue();
    }

    public boolean hasSignature() {
        return signature == SIGNATURE;
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
