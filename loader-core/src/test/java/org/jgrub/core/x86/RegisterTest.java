package org.jgrub.core.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Register numbers against FreeBSD's enum vm_reg_name (sys/amd64/include/vmm.h; shared/reference/bhyve.md §2). */
class RegisterTest {
    @ParameterizedTest
    @CsvSource({
        "RAX, 0", "RBX, 1", "RCX, 2", "RDX, 3", "RSI, 4", "RDI, 5", "RBP, 6", "R8, 7", "R15, 14",
        "CR0, 15", "CR3, 16", "CR4, 17", "DR7, 18", "RSP, 19", "RIP, 20", "RFLAGS, 21",
        "ES, 22", "CS, 23", "SS, 24", "DS, 25", "FS, 26", "GS, 27", "LDTR, 28", "TR, 29", "IDTR, 30", "GDTR, 31",
        "EFER, 32", "CR2, 33", "PDPTE0, 34", "PDPTE3, 37", "INTR_SHADOW, 38", "DR0, 39", "DR3, 42", "DR6, 43",
        "ENTRY_INST_LENGTH, 44", "FS_BASE, 45", "GS_BASE, 46", "KGS_BASE, 47", "TPR, 48",
    })
    void numbersMatchVmRegName(Register r, int number) {
        assertEquals(number, r.number());
        assertEquals(r, Register.ofNumber(number));
    }

    @org.junit.jupiter.api.Test
    void lastIsFortyNine() {
        assertEquals(Register.VM_REG_LAST, Register.values().length);
    }
}
