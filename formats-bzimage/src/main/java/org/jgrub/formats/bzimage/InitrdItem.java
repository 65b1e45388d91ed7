package org.jgrub.formats.bzimage;

import org.jgrub.core.io.ByteSource;

/**
 * One argument of GRUB's {@code initrd} command: a file copied as it is, or — GRUB's
 * {@code newc:NAME:FILE} — a file wrapped in a newc cpio entry named {@code NAME} (the kernel
 * unpacks concatenated cpio archives into its initramfs).
 *
 * @param newcName the name inside the archive, or null for a plain file
 */
public record InitrdItem(ByteSource source, String newcName) {
    public static InitrdItem file(ByteSource source) {
        return new InitrdItem(source, null);
    }

    public static InitrdItem newc(String name, ByteSource source) {
        return new InitrdItem(source, name);
    }
}
