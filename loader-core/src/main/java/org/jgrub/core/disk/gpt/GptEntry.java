package org.jgrub.core.disk.gpt;

import java.nio.charset.StandardCharsets;

/**
 * One GPT partition entry (UEFI specification, GPT chapter, "GPT Partition Entry" table; FreeBSD
 * {@code struct gpt_ent} in {@code sys/sys/disk/gpt.h}): bytes 0–15 partition type GUID, 16–31
 * unique partition GUID, 32–39 starting LBA, 40–47 ending LBA (inclusive), 48–55 attributes,
 * 56–127 partition name in UTF-16LE (36 code units). Entries may be larger than 128 bytes; the
 * rest is reserved.
 *
 * @param typeGuid   all zeros for an unused entry
 * @param uniqueGuid this partition's own GUID
 * @param firstLba   unsigned 64-bit
 * @param lastLba    unsigned 64-bit, inclusive
 * @param attributes attribute bits
 * @param name       the name up to its first NUL
 */
public record GptEntry(Guid typeGuid, Guid uniqueGuid, long firstLba, long lastLba, long attributes, String name) {
    /** The smallest entry (and the size of the fields defined so far). */
    public static final int SIZE = 128;

    private static final int TYPE_GUID = 0;
    private static final int UNIQUE_GUID = 16;
    private static final int FIRST_LBA = 32;
    private static final int LAST_LBA = 40;
    private static final int ATTRIBUTES = 48;
    private static final int NAME = 56;
    /** Bytes of the name field (36 UTF-16 code units). */
    public static final int NAME_BYTES = 72;

    public static GptEntry parse(byte[] b, int at) {
        int len = 0;
        while (len < NAME_BYTES && (b[at + NAME + len] != 0 || b[at + NAME + len + 1] != 0)) {
            len += 2;
        }
        return new GptEntry(Guid.parse(b, at + TYPE_GUID), Guid.parse(b, at + UNIQUE_GUID),
                GptHeader.u64(b, at + FIRST_LBA), GptHeader.u64(b, at + LAST_LBA), GptHeader.u64(b, at + ATTRIBUTES),
                new String(b, at + NAME, len, StandardCharsets.UTF_16LE));
    }

    public boolean isUnused() {
        return typeGuid.isZero();
    }
}
