/** ELF kernels and modules, FreeBSD metadata and handoff; filled in by a later issue. */
package org.jgrub.formats.elf;
