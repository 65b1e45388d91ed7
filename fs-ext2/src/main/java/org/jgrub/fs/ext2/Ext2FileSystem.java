package org.jgrub.fs.ext2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.error.CorruptStructureException;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.error.NotThisFormatException;
import org.jgrub.core.error.UnsupportedFeatureException;
import org.jgrub.core.fs.DirEntry;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.Node;

/**
 * A mounted ext2/ext3/ext4 filesystem, read-only. Mounting reads and validates the superblock
 * only; group descriptors and inodes are read when needed, through a small block cache.
 */
public final class Ext2FileSystem implements FileSystem {
    /** The root directory's inode number (EXT2_ROOT_INO). */
    public static final long EXT2_ROOT_INO = 2;
    /** Large directories whose name index {@link Ext2Node#lookup} keeps (a few, to bound memory). */
    static final int DIR_INDEXES = 4;

    private final BlockDevice device;
    private final Superblock sb;
    private final Geometry geometry;
    private final String type;
    private final List<String> warnings;
    private final BlockCache cache;
    private final Map<Long, Map<String, DirEntry>> dirIndexes = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<String, DirEntry>> eldest) {
            return size() > DIR_INDEXES;
        }
    };

    private Ext2FileSystem(BlockDevice device, Superblock sb, Geometry geometry, String type, List<String> warnings) {
        this.device = device;
        this.sb = sb;
        this.geometry = geometry;
        this.type = type;
        this.warnings = List.copyOf(warnings);
        this.cache = new BlockCache(device, geometry.blockSize());
    }

    /** Reads and checks the superblock of {@code device}. */
    public static Ext2FileSystem mount(BlockDevice device) throws JgrubException {
        if (device.size() < Superblock.OFFSET + Superblock.SIZE) {
            throw new NotThisFormatException(device.name() + ": too small for an ext2 superblock");
        }
        ByteBuffer raw = ByteBuffer.allocate(Superblock.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        device.read(Superblock.OFFSET, raw);
        raw.flip();
        if (Short.toUnsignedInt(raw.getShort(Superblock.MAGIC_OFFSET)) != Superblock.EXT2_SUPER_MAGIC) {
            throw new NotThisFormatException(device.name() + ": no ext2 magic at byte "
                    + (Superblock.OFFSET + Superblock.MAGIC_OFFSET));
        }
        Superblock sb = Superblock.parse(raw);
        String type = sb.typeName();
        for (Ext4Feature f : Ext4Feature.refused(sb.featureIncompat())) {
            throw new UnsupportedFeatureException(device.name() + ": " + type + " feature " + f.featureName()
                    + String.format(" (incompat 0x%x)", f.bit()) + " is not supported: " + f.reason());
        }
        int unknown = sb.featureIncompat() & ~Ext4Feature.knownIncompat();
        if (unknown != 0) {
            throw new UnsupportedFeatureException(device.name() + ": " + type
                    + String.format(" has unknown incompat feature bits 0x%x", unknown));
        }
        Geometry g = Geometry.of(sb, device.size(), type);
        List<String> warnings = new ArrayList<>();
        if (sb.hasIncompat(FeatureBits.EXT3_FEATURE_INCOMPAT_RECOVER)) {
            warnings.add("needs journal recovery; read as it stands");
        }
        int knownRo = 0;
        for (Ext4Feature f : Ext4Feature.values()) {
            if (f.kind() == Ext4Feature.Kind.RO_COMPAT) {
                knownRo |= f.bit();
            }
        }
        int unknownRo = sb.featureRoCompat() & ~knownRo;
        if (unknownRo != 0) {
            warnings.add(String.format("unknown ro_compat feature bits 0x%x; read anyway (jgrub never writes)", unknownRo));
        }
        return new Ext2FileSystem(device, sb, g, type, warnings);
    }

    @Override
    public BlockDevice device() {
        return device;
    }

    @Override
    public String typeName() {
        return type;
    }

    @Override
    public Optional<String> label() {
        byte[] name = sb.volumeName();
        int n = 0;
        while (n < name.length && name[n] != 0) {
            n++;
        }
        return n == 0 ? Optional.empty() : Optional.of(new String(name, 0, n, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<String> uuid() {
        StringBuilder s = new StringBuilder(36);
        byte[] u = sb.uuid();
        for (int i = 0; i < u.length; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                s.append('-');
            }
            s.append(String.format("%02x", u[i]));
        }
        return Optional.of(s.toString());
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public Node root() throws JgrubException {
        return node(EXT2_ROOT_INO);
    }

    @Override
    public Ext2Node node(long id) throws JgrubException {
        if (id < 1 || id > geometry.inodesCount()) {
            throw new JgrubException(device.name() + ": " + type + " inode " + id + " out of range (1.."
                    + geometry.inodesCount() + ")");
        }
        long group = (id - 1) / geometry.inodesPerGroup();
        long index = (id - 1) % geometry.inodesPerGroup();
        GroupDescriptor gd = descriptor(group);
        long byteInTable = index * geometry.inodeSize();
        long block = gd.inodeTable() + byteInTable / geometry.blockSize();
        int within = (int) (byteInTable % geometry.blockSize());
        ByteBuffer b = metadataBlock(block);
        b.position(within);
        Inode inode = Inode.parse(b, geometry.inodeSize());
        long at = geometry.offset(block) + within;
        if (geometry.inodeSize() > Inode.GOOD_OLD_SIZE
                && (Inode.GOOD_OLD_SIZE + inode.extraIsize() > geometry.inodeSize() || inode.extraIsize() % 4 != 0)) {
            throw new CorruptStructureException(type + " inode " + id, at, "i_extra_isize " + inode.extraIsize()
                    + " does not fit a " + geometry.inodeSize() + "-byte inode");
        }
        return new Ext2Node(this, id, at, inode);
    }

    /** Group {@code group}'s descriptor, with its inode table checked to lie inside the filesystem. */
    GroupDescriptor descriptor(long group) throws JgrubException {
        int perBlock = geometry.descPerBlock();
        long metaGroup = group / perBlock;
        long block;
        long first = metaGroup * perBlock;
        if (!geometry.metaBg() || metaGroup < geometry.firstMetaBg()) {
            block = geometry.gdtStart() + metaGroup;
        } else if (first == 0) {
            block = geometry.gdtStart();
        } else {
            // meta_bg: each meta group's descriptor block is in its first group, after any superblock backup.
            block = geometry.groupFirstBlock(first) + (hasSuperBackup(first) ? 1 : 0);
        }
        if (!geometry.contains(block, 1)) {
            throw new CorruptStructureException(type + " group descriptor table", geometry.offset(geometry.gdtStart()),
                    "descriptor block " + block + " of group " + group + " lies outside the filesystem ("
                    + geometry.blocksCount() + " blocks)");
        }
        int within = (int) (group % perBlock) * geometry.descSize();
        ByteBuffer b = metadataBlock(block);
        b.position(within);
        GroupDescriptor gd = GroupDescriptor.parse(b, geometry.descSize());
        if (!geometry.contains(gd.inodeTable(), geometry.inodeTableBlocks())) {
            throw new CorruptStructureException(type + " group descriptor " + group, geometry.offset(block) + within,
                    "bg_inode_table " + gd.inodeTable() + " (" + geometry.inodeTableBlocks()
                    + " blocks) lies outside the filesystem (" + geometry.blocksCount() + " blocks)");
        }
        return gd;
    }

    /** Whether a group holds a superblock backup (and so, with meta_bg, its descriptor block one further). */
    boolean hasSuperBackup(long group) {
        if (group == 0) {
            return true;
        }
        if (sb.hasCompat(FeatureBits.EXT4_FEATURE_COMPAT_SPARSE_SUPER2)) {
            return group == sb.backupBg0() || group == sb.backupBg1();
        }
        if (group <= 1 || !sb.hasRoCompat(FeatureBits.EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER)) {
            return true;
        }
        return isPower(group, 3) || isPower(group, 5) || isPower(group, 7);
    }

    private static boolean isPower(long n, int base) {
        long p = base;
        while (p < n) {
            p *= base;
        }
        return p == n;
    }

    ByteBuffer metadataBlock(long block) throws JgrubException {
        return cache.get(block);
    }

    Geometry geometry() {
        return geometry;
    }

    Superblock superblock() {
        return sb;
    }

    synchronized Map<String, DirEntry> dirIndex(long ino) {
        return dirIndexes.get(ino);
    }

    synchronized void putDirIndex(long ino, Map<String, DirEntry> index) {
        dirIndexes.put(ino, index);
    }

    @Override
    public String toString() {
        return type + " on " + device.name();
    }
}
