/** Read-only UFS1/UFS2 (FreeBSD sys/ufs/ffs/fs.h); filled in by a later issue. */
package org.jgrub.fs.ufs;
