package org.jgrub.fs.ext2;

import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.FileSystemType;

/** ext2, ext3 and ext4, read-only: GRUB's {@code ext2} module. */
public final class Ext2FileSystemType implements FileSystemType {
    @Override
    public String name() {
        return "ext2";
    }

    @Override
    public FileSystem open(BlockDevice device) throws JgrubException {
        return Ext2FileSystem.mount(device);
    }
}
