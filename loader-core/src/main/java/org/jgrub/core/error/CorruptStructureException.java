package org.jgrub.core.error;

/** A structure read from a guest-supplied image is invalid: names the structure, offset and value. */
public final class CorruptStructureException extends JgrubException {
    public CorruptStructureException(String structure, long offset, String problem) {
        super(structure + " at byte " + offset + ": " + problem);
    }
}
