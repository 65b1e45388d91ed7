package org.jgrub.cli.boot;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.host.HostErrors;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where jgrub's menu, prompt and GRUB's output go: this process's terminal, or — with
 * {@code -c DEVICE} naming a tty such as {@code /dev/nmdm0A} — that device, put in raw mode
 * ({@code stty raw -echo}, as grub-bhyve and bhyveload {@code cfmakeraw} it). A {@code -c} that is
 * a plain file only receives the guest's serial output; the menu then stays on this terminal.
 */
public final class LoaderConsole implements AutoCloseable {
    private final Path device;
    private final InputStream in;
    private final PrintStream out;
    private final boolean interactive;

    private LoaderConsole(Path device, InputStream in, PrintStream out, boolean interactive) {
        this.device = device;
        this.in = in;
        this.out = out;
        this.interactive = interactive;
    }

    /** The terminal jgrub runs on. */
    public static LoaderConsole stdio() {
        return new LoaderConsole(null, System.in, System.out, System.console() != null);
    }

    /** {@code -c DEVICE}: the device when it is a character device (a tty), else this terminal. */
    public static LoaderConsole of(Path device) throws UsageException {
        if (device == null || !Files.exists(device) || Files.isRegularFile(device) || Files.isDirectory(device)) {
            return stdio();
        }
        try {
            raw(device);
            InputStream in = new FileInputStream(device.toFile());
            OutputStream out = new FileOutputStream(device.toFile());
            return new LoaderConsole(device, in, new PrintStream(out, true, StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UsageException("cannot open console device " + device + ": " + HostErrors.reason(e), e);
        }
    }

    /** {@code stty raw -echo} on the device (Linux: -F, BSD: -f). */
    private static void raw(Path device) throws IOException {
        String flag = System.getProperty("os.name", "").startsWith("Linux") ? "-F" : "-f";
        try {
            Process p = new ProcessBuilder("stty", flag, device.toString(), "raw", "-echo")
                    .redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw new IOException("stty: " + said);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** Whether someone can answer a menu or a prompt here. */
    public boolean interactive() {
        return interactive;
    }

    public PrintStream out() {
        return out;
    }

    public InputStream in() {
        return in;
    }

    /** A JLine terminal over this console (the caller closes it; the console stays open). */
    public Terminal terminal() throws IOException {
        if (device == null) {
            return TerminalBuilder.builder().system(true).build();
        }
        // The device is raw already; JLine only reads keys and writes text through it.
        return TerminalBuilder.builder().system(false).streams(in, out).type("vt100").build();
    }

    @Override
    public void close() {
        if (device != null) {
            out.flush();
            try {
                in.close();
            } catch (IOException e) {
                // a tty: nothing to lose
            }
            out.close();
        }
    }
}
