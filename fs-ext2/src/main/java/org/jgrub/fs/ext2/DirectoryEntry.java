package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;
import org.jgrub.core.fs.NodeType;

/**
 * The header of {@code struct ext4_dir_entry_2} ("Linear (Classic) Directories"): inode (0 = unused
 * slot), rec_len (distance to the next entry), name_len and, with the filetype feature, the file
 * type; the name follows the 8-byte header.
 *
 * @param rawRecLen rec_len as stored; see {@link #recLen(int)} for its meaning with 64 KiB blocks
 */
public record DirectoryEntry(long inode, int rawRecLen, int nameLen, int fileType) {
    public static final int HEADER_SIZE = 8;
    /** EXT4_DIR_REC_LEN(1): the smallest legal entry. */
    public static final int MIN_REC_LEN = 12;
    /** EXT4_MAX_REC_LEN: with 64 KiB blocks, a rec_len of 65535 (or 0) means the whole block. */
    public static final int EXT4_MAX_REC_LEN = 65535;
    public static final int EXT2_FT_REG_FILE = 1;
    public static final int EXT2_FT_DIR = 2;
    public static final int EXT2_FT_SYMLINK = 7;
    public static final int EXT2_FT_MAX = 8;

    /** Decodes the header at {@code at}; without the filetype feature name_len is 16 bits. */
    public static DirectoryEntry parse(ByteBuffer b, int at, boolean fileTypes) {
        long inode = Integer.toUnsignedLong(b.getInt(at));
        int recLen = Short.toUnsignedInt(b.getShort(at + 4));
        if (fileTypes) {
            return new DirectoryEntry(inode, recLen, Byte.toUnsignedInt(b.get(at + 6)), Byte.toUnsignedInt(b.get(at + 7)));
        }
        return new DirectoryEntry(inode, recLen, Short.toUnsignedInt(b.getShort(at + 6)), 0);
    }

    /** rec_len in bytes: 64 KiB blocks fold bit 16 into the low bits (e2fsprogs' ext2fs_get_rec_len). */
    public int recLen(int blockSize) {
        if (blockSize < 65536) {
            return rawRecLen;
        }
        if (rawRecLen == EXT4_MAX_REC_LEN || rawRecLen == 0) {
            return blockSize;
        }
        return (rawRecLen & 65532) | ((rawRecLen & 3) << 16);
    }

    /** The type the entry records, or empty when the inode must be asked. */
    public java.util.Optional<NodeType> type() {
        if (fileType == 0 || fileType >= EXT2_FT_MAX) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(switch (fileType) {
            case EXT2_FT_REG_FILE -> NodeType.FILE;
            case EXT2_FT_DIR -> NodeType.DIRECTORY;
            case EXT2_FT_SYMLINK -> NodeType.SYMLINK;
            default -> NodeType.OTHER;
        });
    }
}
