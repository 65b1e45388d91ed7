package org.jgrub.core.vmm.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.MemoryLayout;
import org.jgrub.core.x86.DescriptorTable;
import org.jgrub.core.x86.ModeSwitcher;
import org.jgrub.core.x86.Register;
import org.jgrub.core.x86.VcpuState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateFileTest {
    @Test
    void roundTrips() throws Exception {
        VcpuState s = ModeSwitcher.longMode64(GuestAddress.of(0x10000), GuestAddress.of(0x6000), GuestAddress.of(0x2000),
                GuestAddress.of(0x5000)).set(Register.R15, -1L).table(Register.IDTR, new DescriptorTable(0, 0xffff)).build();
        StateFile.Contents c = new StateFile.Contents(MemoryLayout.bhyve(5L << 30), "guest-ram.img", s);
        String text = StateFile.format(c);
        assertEquals(c, StateFile.parse("x", text.lines().toList()));
    }

    @Test
    void readsTheDocumentedExample() throws Exception {
        StateFile.Contents c = StateFile.parse("x", List.of(
                "format 1", "memory-size 0x8000000", "lowmem-limit 0xc0000000", "ram-file guest-ram.img",
                "RIP 0x10000   # entry", "CS 0x8 0x0 0x0 0x209b", "GDTR 0x5000 0x17"));
        assertEquals(0x10000L, c.state().valueOr(Register.RIP, 0));
        assertEquals(0x209b, c.state().segment(Register.CS).access());
        assertEquals(23, c.state().table(Register.GDTR).limit());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "format 2|x:1: unknown format 2",
        "format 1;memory-size 12|x:2: '12' is not a hexadecimal number like 0x1f",
        "format 1;RAX|x:2: 'RAX' takes 1 value(s), found 0",
        "format 1;XAX 0x1|x:2: unknown item 'XAX'",
        "format 1;CS 0x8 0x0 0x0|x:2: 'CS' takes 4 value(s), found 3",
        "format 1;CS 0x10000 0x0 0x0 0x93|x:2: selector 0x10000 is not 16-bit",
        "format 1;ram-file ../etc/passwd|x:2: ram-file must name a file in the same directory",
        "format 1;memory-size 0x1000|x: missing one of format, memory-size, lowmem-limit, ram-file",
    })
    void errorsNameFileAndLine(String lines, String message) {
        UsageException e = assertThrows(UsageException.class, () -> StateFile.parse("x", List.of(lines.split(";"))));
        assertEquals(message, e.getMessage());
    }
}
