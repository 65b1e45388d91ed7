package org.jgrub.formats.bzimage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.NotThisFormatException;

/**
 * The bzImage setup header: offsets 0x1F1 to {@code 0x202 + byte[0x201]} of the image, as
 * Documentation/arch/x86/boot.rst ("THE REAL-MODE KERNEL HEADER") lays it out. Only the fields
 * a 32/64-bit loader uses are kept; {@link #raw()} holds the whole header for the zero page.
 */
public record SetupHeader(int setupSects, int bootFlag, int header, int version, int loadflags, long code32Start,
                          long initrdAddrMax, long kernelAlignment, boolean relocatable, int xloadflags,
                          long cmdlineSize, long prefAddress, long initSize, byte[] raw) {
    /** Where the header starts in the image and the zero page. */
    public static final int OFFSET = 0x1F1;
    /** Bytes read from the start of the image to find the header (it must fit in them). */
    public static final int READ_SIZE = 0x280;
    public static final int BOOT_FLAG = 0xAA55;
    /** "HdrS". */
    public static final int HDRS = 0x53726448;
    /** loadflags: the protected-mode code loads at 0x100000. */
    public static final int LOADED_HIGH = 0x01;
    public static final int KASLR_FLAG = 0x02;
    public static final int QUIET_FLAG = 0x20;
    public static final int KEEP_SEGMENTS = 0x40;
    public static final int CAN_USE_HEAP = 0x80;
    /** xloadflags: a 64-bit entry at load address + 0x200. */
    public static final int XLF_KERNEL_64 = 1;
    public static final int XLF_CAN_BE_LOADED_ABOVE_4G = 1 << 1;
    /** setup_sects 0 means 4 (boot.rst: "for backwards compatibility"). */
    public static final int DEFAULT_SETUP_SECTS = 4;

    /** Parses the first {@link #READ_SIZE} bytes (or the whole file if shorter) of {@code name}. */
    public static SetupHeader parse(byte[] start, String name) throws NotThisFormatException, CorruptStructureException {
        if (start.length < 0x202 + 4) {
            throw new NotThisFormatException(name + ": not a Linux bzImage: only " + start.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(start).order(ByteOrder.LITTLE_ENDIAN);
        int bootFlag = Short.toUnsignedInt(b.getShort(0x1FE));
        if (bootFlag != BOOT_FLAG) {
            throw new NotThisFormatException(String.format("%s: not a Linux bzImage: boot flag 0x%04x at byte 0x1fe"
                    + " (expected 0xaa55)", name, bootFlag));
        }
        int header = b.getInt(0x202);
        if (header != HDRS) {
            throw new NotThisFormatException(String.format("%s: no \"HdrS\" at byte 0x202 (found 0x%08x): a kernel"
                    + " older than boot protocol 2.00 is not supported", name, header));
        }
        int end = 0x202 + Byte.toUnsignedInt(b.get(0x201));
        if (end > start.length) {
            throw new CorruptStructureException(name + " setup header", 0x201,
                    "header end 0x" + Integer.toHexString(end) + " lies beyond the " + start.length + " bytes read");
        }
        int version = Short.toUnsignedInt(b.getShort(0x206));
        int setupSects = Byte.toUnsignedInt(b.get(0x1F1));
        byte[] raw = java.util.Arrays.copyOfRange(start, OFFSET, end);
        return new SetupHeader(setupSects == 0 ? DEFAULT_SETUP_SECTS : setupSects, bootFlag, header, version,
                Byte.toUnsignedInt(b.get(0x211)), u32(b, 0x214),
                version >= 0x203 && end > 0x22C + 3 ? u32(b, 0x22C) : 0x37FFFFFFL,
                version >= 0x205 && end > 0x230 + 3 ? u32(b, 0x230) : 0,
                version >= 0x205 && end > 0x234 && b.get(0x234) != 0,
                version >= 0x20C && end > 0x236 + 1 ? Short.toUnsignedInt(b.getShort(0x236)) : 0,
                version >= 0x206 && end > 0x238 + 3 ? u32(b, 0x238) : 255,
                version >= 0x20A && end > 0x258 + 7 ? b.getLong(0x258) : 0,
                version >= 0x20A && end > 0x260 + 3 ? u32(b, 0x260) : 0,
                raw);
    }

    private static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }

    /** Where the protected-mode kernel starts in the file: after the boot sector and the setup sectors. */
    public long kernelOffset() {
        return (setupSects + 1L) * 512;
    }

    public boolean has64BitEntry() {
        return version >= 0x20C && (xloadflags & XLF_KERNEL_64) != 0;
    }

    /** "2.15" for 0x020F. */
    public String versionText() {
        return (version >> 8) + "." + String.format("%02d", version & 0xff);
    }
}
