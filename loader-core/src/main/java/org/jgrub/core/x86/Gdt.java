package org.jgrub.core.x86;

import java.util.List;
import org.jgrub.core.error.GuestMemoryException;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.GuestMemory;

/** A global descriptor table: 8-byte entries, written to guest memory and named by a GDTR. */
public record Gdt(List<Long> entries) {
    /** Bytes per legacy descriptor. */
    public static final int ENTRY_SIZE = 8;

    public Gdt {
        entries = List.copyOf(entries);
        if (entries.isEmpty() || entries.size() > 8192) {
            throw new IllegalArgumentException("a GDT holds 1 to 8192 entries");
        }
    }

    public static Gdt of(long... entries) {
        return new Gdt(java.util.Arrays.stream(entries).boxed().toList());
    }

    /** The GDTR limit: size in bytes minus one. */
    public int limit() {
        return entries.size() * ENTRY_SIZE - 1;
    }

    public int sizeInBytes() {
        return entries.size() * ENTRY_SIZE;
    }

    /** The GDTR value for this table placed at {@code base}. */
    public DescriptorTable at(GuestAddress base) {
        return new DescriptorTable(base.value(), limit());
    }

    public void write(GuestMemory memory, GuestAddress base) throws GuestMemoryException {
        java.nio.ByteBuffer w = memory.window(base, sizeInBytes());
        for (long e : entries) {
            w.putLong(e);
        }
    }

    /** Selector of entry {@code index} at privilege level 0 ({@code GSEL(index, SEL_KPL)}). */
    public static int selector(int index) {
        return index << 3;
    }
}
