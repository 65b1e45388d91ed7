package org.jgrub.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GuestAddressTest {
    @Test
    void arithmeticIsChecked() {
        GuestAddress a = GuestAddress.of(0x1000);
        assertEquals(GuestAddress.of(0x1fff), a.plus(0xfff));
        assertEquals(0x800, GuestAddress.of(0x1800).minus(a));
        assertThrows(ArithmeticException.class, () -> GuestAddress.of(Long.MAX_VALUE).plus(1));
        assertThrows(IllegalArgumentException.class, () -> a.minus(GuestAddress.of(0x2000)));
        assertThrows(IllegalArgumentException.class, () -> GuestAddress.of(-1));
        assertThrows(IllegalArgumentException.class, () -> a.plus(-0x2000));
    }

    @Test
    void alignment() {
        assertTrue(GuestAddress.of(0x200000).isAligned(0x200000));
        assertFalse(GuestAddress.of(0x200001).isAligned(0x1000));
        assertEquals(GuestAddress.of(0x1000000), GuestAddress.of(0xfff001).alignUp(0x1000000));
        assertEquals(GuestAddress.of(0x2000), GuestAddress.of(0x2000).alignUp(0x1000));
        assertThrows(IllegalArgumentException.class, () -> GuestAddress.of(1).alignUp(3));
        assertEquals("0x10000", GuestAddress.of(0x10000).toString());
    }
}
