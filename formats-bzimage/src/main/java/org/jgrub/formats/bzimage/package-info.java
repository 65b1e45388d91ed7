/** The Linux x86 boot protocol (Documentation/arch/x86/boot.rst); filled in by a later issue. */
package org.jgrub.formats.bzimage;
