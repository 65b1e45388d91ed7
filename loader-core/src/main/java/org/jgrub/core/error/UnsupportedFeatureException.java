package org.jgrub.core.error;

/** Something valid that jgrub (or the chosen backend) cannot do; the message names it. */
public final class UnsupportedFeatureException extends JgrubException {
    public UnsupportedFeatureException(String message) {
        super(message);
    }
}
