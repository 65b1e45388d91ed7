package org.jgrub.core.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * VMCS access rights and their 8-byte descriptor encodings. Expected descriptors are those
 * written in FreeBSD's vm_setup_freebsd_gdt / the seed listing and grub-bhyve's Linux GDT
 * (shared/reference/bhyve.md §3, linux-boot.md).
 */
class SegmentTest {
    @ParameterizedTest
    @CsvSource({
        // base, limit, access, descriptor
        "0, 0, 0x2098, 0x0020980000000000",            // seed/FreeBSD 64-bit code
        "0, 0, 0x0090, 0x0000900000000000",            // seed/FreeBSD data
        "0, 0xffffffff, 0xc09a, 0x00cf9a000000ffff",   // grub-bhyve __BOOT_CS
        "0, 0xffffffff, 0xc092, 0x00cf92000000ffff",   // grub-bhyve __BOOT_DS
        "0, 0xfff, 0x8089, 0x0080890000000000",        // grub-bhyve TSS: G set, limit 0
        "0x12345678, 0x67, 0x0089, 0x1200893456780067",
    })
    void encodesLegacyDescriptors(long base, long limit, String access, String descriptor) {
        Segment s = Segment.of(0x10, base, limit, Integer.decode(access));
        assertEquals(Long.parseUnsignedLong(descriptor.substring(2), 16), s.toGdtEntry());
    }

    @Test
    void accessRightsBitsMatchVmcsLayout() {
        assertEquals(0x209b, AccessRights.P | AccessRights.S | AccessRights.TYPE_CODE | AccessRights.TYPE_RW
                | AccessRights.TYPE_ACCESSED | AccessRights.L);
        assertEquals(0x10000, AccessRights.UNUSABLE);
        assertEquals(0xc093, AccessRights.G | AccessRights.DB | 0x93);
        assertEquals(0, AccessRights.dpl(0x93));
        assertEquals(3, AccessRights.dpl(0xf3));
        assertEquals(0xb, AccessRights.type(0x8b));
        assertEquals("code type 11 dpl 0 64-bit", AccessRights.describe(0x209b));
        assertEquals("unusable", AccessRights.describe(0x10082));
    }

    @Test
    void refusesWhatNoDescriptorHolds() {
        assertFalse(Segment.of(8, 0, 0x100000, 0x93).encodable(), "byte-granular limit over 20 bits");
        assertFalse(Segment.of(8, 0, 0x1000, 0x8093).encodable(), "4K-granular limit must end in fff");
        assertFalse(Segment.of(8, 1L << 32, 0, 0x93).encodable(), "base over 32 bits");
        assertTrue(Segment.of(8, 0, 0xfffff, 0x93).encodable());
        assertThrows(IllegalArgumentException.class, () -> Segment.of(8, 1L << 32, 0, 0x93).toGdtEntry());
        assertThrows(IllegalArgumentException.class, () -> Segment.of(0x10000, 0, 0, 0x93));
        assertThrows(IllegalArgumentException.class, () -> Segment.of(8, 0, 1L << 32, 0x93));
        assertThrows(IllegalArgumentException.class, () -> Segment.of(8, 0, 0, 0x20000));
    }

    @Test
    void selectorFields() {
        Segment s = Segment.of(0x2b, 0, 0, 0x93);
        assertEquals(5, s.index());
        assertEquals(3, s.rpl());
        assertFalse(s.inLdt());
        assertTrue(Segment.of(0x0c, 0, 0, 0x93).inLdt());
    }
}
