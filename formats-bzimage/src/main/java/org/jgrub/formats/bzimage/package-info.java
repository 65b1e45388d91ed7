/** The Linux x86 boot protocol (Documentation/arch/x86/boot.rst): setup header, zero page, command line, initrds. */
package org.jgrub.formats.bzimage;
