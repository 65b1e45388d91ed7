/** Read-only ext2/ext3/ext4; filled in by a later issue. */
package org.jgrub.fs.ext2;
