/**
 * Read-only ext2/ext3/ext4 ({@link org.jgrub.fs.ext2.Ext2FileSystemType}), after the kernel's ext4
 * disk-layout document. Every number read from the image is checked before it sizes an
 * allocation, bounds a loop or becomes a read offset; see fs-ext2/FEATURES.md for the features.
 */
package org.jgrub.fs.ext2;
