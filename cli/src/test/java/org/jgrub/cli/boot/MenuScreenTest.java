package org.jgrub.cli.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A guest's menu titles cannot drive the host's terminal. */
class MenuScreenTest {
    @Test
    void controlCharactersInTitlesAreNeutralised() {
        // OSC 0 (set window title) and a CSI clear-screen, as a hostile grub.cfg could write them.
        assertEquals("Debian?]0;owned?? ?[2J", MenuScreen.printable("Debian\u001b]0;owned\u0007\u009b \u001b[2J"));
        assertEquals("Ubuntu, with Linux 6.8.0-31-generic (recovery mode) ✓",
                MenuScreen.printable("Ubuntu, with Linux 6.8.0-31-generic (recovery mode) ✓"));
    }
}
