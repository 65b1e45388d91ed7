package org.jgrub.core.error;

/** An access that does not lie wholly inside guest RAM; it names the address and the length. */
public final class GuestMemoryException extends JgrubException {
    public GuestMemoryException(String message) {
        super(message);
    }
}
