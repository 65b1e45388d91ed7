package org.jgrub.cli.grub;

/** Kinds of {@link WordPart}, after GRUB's script argument types. */
public enum WordPartKind {
    /** Unquoted text (escapes already removed). */
    TEXT,
    /** Text from single quotes. */
    SQSTR,
    /** Literal text from double quotes. */
    DQSTR,
    /** Unquoted {@code $name}: its value is split into fields on blanks. */
    VAR,
    /** {@code $name} inside double quotes. */
    DQVAR
}
