package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.UnsupportedFeatureException;
import org.jgrub.core.fs.DirEntry;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.NodeType;
import org.jgrub.core.fs.PathResolver;

/** One inode of an {@link Ext2FileSystem}: a file, directory or symlink. */
public final class Ext2Node implements Node {
    /** More entries than this in one directory is refused rather than gathered into memory. */
    static final int MAX_DIR_ENTRIES = 1 << 20;
    /** Directories this large get a name index on their first lookup (smaller ones are scanned). */
    static final long INDEX_MIN_DIR_BYTES = 64 * 1024;
    static final long INDEX_MAX_DIR_BYTES = 4 * 1024 * 1024;
    private static final byte[] ZEROS = new byte[64 * 1024];

    private final Ext2FileSystem fs;
    private final long ino;
    private final long inodeOffset;
    private final Inode inode;
    private BlockMap map;

    Ext2Node(Ext2FileSystem fs, long ino, long inodeOffset, Inode inode) {
        this.fs = fs;
        this.ino = ino;
        this.inodeOffset = inodeOffset;
        this.inode = inode;
    }

    @Override
    public long id() {
        return ino;
    }

    @Override
    public NodeType type() {
        return inode.type();
    }

    @Override
    public long size() {
        return inode.size();
    }

    @Override
    public long mtime() {
        return inode.mtime();
    }

    /** Byte offset of the inode on the device. */
    public long inodeOffset() {
        return inodeOffset;
    }

    @Override
    public List<DirEntry> list() throws JgrubException {
        List<DirEntry> out = new ArrayList<>();
        forEachEntry((e, region, nameAt) -> {
            String name = name(region, nameAt, e.nameLen());
            if (name.equals(".") || name.equals("..")) {
                return true;
            }
            if (out.size() >= MAX_DIR_ENTRIES) {
                throw new UnsupportedFeatureException(fs.typeName() + " directory inode " + ino + " has more than "
                        + MAX_DIR_ENTRIES + " entries");
            }
            out.add(entry(e, name));
            return true;
        });
        return out;
    }

    @Override
    public Optional<DirEntry> lookup(String name) throws JgrubException {
        requireDirectory();
        if (!inode.hasFlag(FeatureBits.EXT4_INLINE_DATA_FL) && size() >= INDEX_MIN_DIR_BYTES
                && size() <= INDEX_MAX_DIR_BYTES) {
            Map<String, DirEntry> index = fs.dirIndex(ino);
            if (index == null) {
                index = new HashMap<>();
                for (DirEntry e : list()) {
                    index.putIfAbsent(e.name(), e);
                }
                fs.putDirIndex(ino, index);
            }
            return Optional.ofNullable(index.get(name));
        }
        byte[] want = name.getBytes(StandardCharsets.UTF_8);
        DirEntry[] found = new DirEntry[1];
        forEachEntry((e, region, nameAt) -> {
            if (e.nameLen() == want.length && matches(region, nameAt, want)) {
                found[0] = entry(e, name);
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    @Override
    public int read(long position, ByteBuffer dst) throws JgrubException {
        requireReadable();
        if (position < 0) {
            throw new JgrubException("read at negative position " + position);
        }
        long size = size();
        if (size < 0) {
            throw corrupt("i_size " + Long.toUnsignedString(size) + " is negative as a 64-bit size");
        }
        if (position >= size || !dst.hasRemaining()) {
            return 0;
        }
        int want = (int) Math.min(dst.remaining(), size - position);
        if (inode.hasFlag(FeatureBits.EXT4_INLINE_DATA_FL)) {
            byte[] data = inlineBytes();
            dst.put(data, (int) position, want);
            return want;
        }
        BlockMap m = map();
        Geometry g = fs.geometry();
        int bs = g.blockSize();
        int done = 0;
        int limit = dst.limit();
        try {
            while (done < want) {
                long pos = position + done;
                long logical = pos / bs;
                int inBlock = (int) (pos % bs);
                Run r = m.find(logical);
                // A hole's run may be huge (the rest of a triple-indirect subtree): cap before multiplying.
                long runBlocks = Math.min(r.length(), (want - done) / bs + 2L);
                long runBytes = runBlocks * bs - inBlock;
                int n = (int) Math.min(runBytes, want - done);
                dst.limit(dst.position() + n);
                if (r.zeros()) {
                    while (dst.hasRemaining()) {
                        dst.put(ZEROS, 0, Math.min(ZEROS.length, dst.remaining()));
                    }
                } else {
                    fs.device().read(g.offset(r.physical()) + inBlock, dst);
                }
                dst.limit(limit);
                done += n;
            }
        } finally {
            dst.limit(limit);
        }
        return done;
    }

    @Override
    public String readLink() throws JgrubException {
        requireReadable();
        if (type() != NodeType.SYMLINK) {
            throw new JgrubException(fs.typeName() + " inode " + ino + " is not a symbolic link");
        }
        long size = size();
        if (size <= 0 || size > PathResolver.MAX_PATH) {
            throw corrupt("symlink size " + Long.toUnsignedString(size) + " out of range (1.." + PathResolver.MAX_PATH + ")");
        }
        byte[] target;
        if (inode.hasFlag(FeatureBits.EXT4_INLINE_DATA_FL)) {
            target = Arrays.copyOf(inlineBytes(), (int) size);
        } else if (size < Inode.I_BLOCK_SIZE && !inode.hasFlag(FeatureBits.EXT4_EXTENTS_FL)) {
            // A fast symlink: the target is in i_block itself.
            target = Arrays.copyOf(inode.block(), (int) size);
        } else {
            target = new byte[(int) size];
            ByteBuffer b = ByteBuffer.wrap(target);
            while (b.hasRemaining()) {
                if (read(b.position(), b) == 0) {
                    break;
                }
            }
        }
        return new String(target, StandardCharsets.UTF_8);
    }

    private interface EntryVisitor extends DirectoryScanner.Visitor {}

    /** Every live entry of this directory, in on-disk order. */
    private void forEachEntry(EntryVisitor visitor) throws JgrubException {
        requireDirectory();
        requireReadable();
        DirectoryScanner scanner = new DirectoryScanner(fs, ino);
        long size = size();
        if (inode.hasFlag(FeatureBits.EXT4_INLINE_DATA_FL)) {
            byte[] data = systemData();
            if (size < 0 || size > Inode.I_BLOCK_SIZE + data.length) {
                throw corrupt("i_size " + Long.toUnsignedString(size) + " exceeds the "
                        + (Inode.I_BLOCK_SIZE + data.length) + " bytes of inline data");
            }
            // The first 4 bytes of i_block are the parent's inode number; entries follow.
            ByteBuffer head = inode.blockBuffer();
            if (!scanner.scan(head, 4, Inode.I_BLOCK_SIZE, inodeOffset + Inode.I_BLOCK_OFFSET, visitor)) {
                return;
            }
            if (data.length > 0) {
                scanner.scan(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN), 0, data.length,
                        xattrAreaOffset(), visitor);
            }
            return;
        }
        if (size < 0 || size > fs.device().size()) {
            throw corrupt("directory i_size " + Long.toUnsignedString(size) + " exceeds the device ("
                    + fs.device().size() + " bytes)");
        }
        BlockMap m = map();
        Geometry g = fs.geometry();
        int bs = g.blockSize();
        long blocks = (size + bs - 1) / bs;
        ByteBuffer block = ByteBuffer.allocate(bs).order(ByteOrder.LITTLE_ENDIAN);
        for (long lb = 0; lb < blocks; ) {
            Run r = m.find(lb);
            long n = Math.min(r.length(), blocks - lb);
            if (!r.zeros()) {
                for (long k = 0; k < n; k++) {
                    long at = g.offset(r.physical() + k);
                    block.clear();
                    fs.device().read(at, block);
                    block.flip();
                    if (lb + k == 0 && inode.hasFlag(FeatureBits.EXT4_INDEX_FL)) {
                        scanner.checkHtreeRoot(block, at, ino);
                    }
                    if (!scanner.scan(block, 0, bs, at, visitor)) {
                        return;
                    }
                }
            }
            lb += n;
        }
    }

    private DirEntry entry(DirectoryEntry e, String name) throws JgrubException {
        Optional<NodeType> t = e.type();
        NodeType type = t.isPresent() ? t.get() : fs.node(e.inode()).type();
        return new DirEntry(name, type, e.inode());
    }

    private static String name(ByteBuffer region, int at, int len) {
        byte[] b = new byte[len];
        region.get(at, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static boolean matches(ByteBuffer region, int at, byte[] want) {
        for (int i = 0; i < want.length; i++) {
            if (region.get(at + i) != want[i]) {
                return false;
            }
        }
        return true;
    }

    private BlockMap map() throws CorruptStructureException {
        if (map == null) {
            BlockMap m = inode.hasFlag(FeatureBits.EXT4_EXTENTS_FL)
                    ? new ExtentMap(fs, ino, inodeOffset, inode)
                    : new IndirectMap(fs, ino, inodeOffset, inode);
            long bs = fs.geometry().blockSize();
            long size = size();
            if (size < 0 || (size + bs - 1) / bs > m.maxBlocks()) {
                throw corrupt("i_size " + Long.toUnsignedString(size) + " exceeds the " + m.maxBlocks() * bs
                        + " bytes its " + (m instanceof ExtentMap ? "extent tree" : "block map") + " can address");
            }
            map = m;
        }
        return map;
    }

    private byte[] systemData() throws CorruptStructureException {
        return InlineData.systemData(inode, fs.typeName() + " inode " + ino + " xattrs", xattrAreaOffset());
    }

    private long xattrAreaOffset() {
        return inodeOffset + Inode.GOOD_OLD_SIZE + inode.extraIsize();
    }

    /** i_block followed by the system.data value, checked against i_size. */
    private byte[] inlineBytes() throws CorruptStructureException {
        byte[] data = systemData();
        long size = size();
        if (size < 0 || size > Inode.I_BLOCK_SIZE + data.length) {
            throw corrupt("i_size " + Long.toUnsignedString(size) + " exceeds the "
                    + (Inode.I_BLOCK_SIZE + data.length) + " bytes of inline data");
        }
        byte[] all = Arrays.copyOf(inode.block(), Inode.I_BLOCK_SIZE + data.length);
        System.arraycopy(data, 0, all, Inode.I_BLOCK_SIZE, data.length);
        return all;
    }

    private void requireDirectory() throws JgrubException {
        if (type() != NodeType.DIRECTORY) {
            throw new JgrubException(fs.typeName() + " inode " + ino + " is not a directory");
        }
    }

    private void requireReadable() throws UnsupportedFeatureException {
        if (inode.hasFlag(FeatureBits.EXT4_ENCRYPT_FL)) {
            throw new UnsupportedFeatureException(fs.device().name() + ": " + fs.typeName() + " inode " + ino
                    + " is encrypted (EXT4_ENCRYPT_FL); jgrub cannot read fscrypt files");
        }
    }

    private CorruptStructureException corrupt(String problem) {
        return new CorruptStructureException(fs.typeName() + " inode " + ino, inodeOffset, problem);
    }

    @Override
    public String toString() {
        return fs.typeName() + " inode " + ino;
    }
}
