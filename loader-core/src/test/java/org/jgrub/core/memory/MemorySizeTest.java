package org.jgrub.core.memory;

import static org.jgrub.core.memory.MemoryLayout.GIB;
import static org.jgrub.core.memory.MemoryLayout.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrub.core.error.UsageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** -M as bhyve's vm_parse_memsize reads it: bare numbers below 1 MiB are MiB, others bytes; expand_number suffixes. */
class MemorySizeTest {
    @ParameterizedTest
    @CsvSource({
        "512, 536870912",          // below 1 MiB: megabytes
        "256, 268435456",
        "1048575, 1099510579200",  // still below 1 MiB: 1048575 MiB
        "2097152, 2097152",        // from 1 MiB up: bytes
        "0x20000000, 536870912",
        "512M, 536870912",
        "512m, 536870912",
        "2G, 2147483648",
        "2g, 2147483648",
        "4096K, 4194304",
        "1T, 1099511627776",
        "3GB, 3221225472",
        "3GiB, 3221225472",
    })
    void parses(String text, long bytes) throws UsageException {
        assertEquals(bytes, MemorySize.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-1", "0", "1M", "1048576", "1.5G", "2X", "G", "99999999T", "2T",
        "9223372036854775807", "99999999999999999999", "1048577", "2049K", "512 M"})
    void refusesWithOneLine(String text) {
        UsageException e = assertThrows(UsageException.class, () -> MemorySize.parse(text));
        assertTrue(e.getMessage().contains("'" + text.trim() + "'") || e.getMessage().contains("'" + text + "'"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @ParameterizedTest
    @CsvSource({"134217728, 128M", "3221225472, 3G", "1048576, 1M"})
    void formats(long bytes, String text) {
        assertEquals(text, MemorySize.format(bytes));
        assertEquals(GIB, 1024 * MIB);
    }
}
