package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jgrub.core.error.CorruptStructureException;

/**
 * Inline data ("Inline Data" in the ext4 layout document): the first 60 bytes of a small file or
 * directory live in i_block, the rest in the value of the {@code system.data} extended attribute,
 * which is always in the inode's own xattr area (after i_extra_isize): a 4-byte magic, then
 * entries of {@code struct ext4_xattr_entry} ending with four zero bytes; value offsets count from
 * the first entry.
 */
final class InlineData {
    static final int EXT4_XATTR_MAGIC = 0xEA020000;
    static final int EXT4_XATTR_INDEX_SYSTEM = 7;
    static final int ENTRY_HEADER = 16;
    private static final byte[] DATA = {'d', 'a', 't', 'a'};

    private InlineData() {}

    /**
     * The system.data value of an inode (empty when there is none).
     *
     * @param areaAt byte offset of the xattr area on the device, for messages
     */
    static byte[] systemData(Inode inode, String what, long areaAt) throws CorruptStructureException {
        byte[] area = inode.xattrArea();
        if (area.length < 4) {
            return new byte[0];
        }
        ByteBuffer b = ByteBuffer.wrap(area).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != EXT4_XATTR_MAGIC) {
            return new byte[0];
        }
        int base = 4;
        int pos = base;
        while (pos + 4 <= area.length && b.getInt(pos) != 0) {
            if (pos + ENTRY_HEADER > area.length) {
                throw new CorruptStructureException(what, areaAt + pos, "xattr entry runs past the inode");
            }
            int nameLen = Byte.toUnsignedInt(b.get(pos));
            int index = Byte.toUnsignedInt(b.get(pos + 1));
            int valueOffs = Short.toUnsignedInt(b.getShort(pos + 2));
            long valueInum = Integer.toUnsignedLong(b.getInt(pos + 4));
            long valueSize = Integer.toUnsignedLong(b.getInt(pos + 8));
            if (pos + ENTRY_HEADER + nameLen > area.length) {
                throw new CorruptStructureException(what, areaAt + pos,
                        "xattr name of " + nameLen + " bytes runs past the inode");
            }
            if (index == EXT4_XATTR_INDEX_SYSTEM && nameLen == DATA.length
                    && java.util.Arrays.equals(area, pos + ENTRY_HEADER, pos + ENTRY_HEADER + nameLen, DATA, 0, DATA.length)) {
                if (valueInum != 0) {
                    throw new CorruptStructureException(what, areaAt + pos,
                            "system.data value in inode " + valueInum + "; inline data must be in the inode");
                }
                if (base + (long) valueOffs + valueSize > area.length) {
                    throw new CorruptStructureException(what, areaAt + pos, "system.data value of " + valueSize
                            + " bytes at offset " + valueOffs + " runs past the " + (area.length - base)
                            + "-byte xattr area");
                }
                byte[] value = new byte[(int) valueSize];
                System.arraycopy(area, base + valueOffs, value, 0, value.length);
                return value;
            }
            pos += (ENTRY_HEADER + nameLen + 3) & ~3;
        }
        return new byte[0];
    }
}
