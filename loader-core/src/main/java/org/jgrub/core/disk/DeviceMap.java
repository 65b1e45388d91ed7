package org.jgrub.core.disk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jgrub.core.error.UsageException;
import org.jgrub.core.host.HostErrors;

/**
 * Which host image is which GRUB drive: {@code -d FILE} options (named {@code hd0}, {@code hd1},
 * … in order) and a device map in grub-bhyve's syntax ({@code -m FILE}):
 * <pre>
 * # comment
 * (hd0) /vm/guest/disk0.img
 * (cd0) "/iso/with spaces/install.iso"
 * </pre>
 * Unlike grub-bhyve ({@code grub-core/kern/emu/hostdisk.c}), which skips bad lines and missing
 * images with a message shown only under {@code -v}, every malformed line, drive name GRUB would
 * not accept, partition entry, missing or unreadable image and duplicate name is an error that
 * names {@code FILE:LINE}.
 */
public final class DeviceMap {
    /** grub-bhyve's limit on drives (its {@code device count exceeds limit}). */
    public static final int MAX_DRIVES = 256;
    /** GRUB drive names: hard disk, floppy, CD ({@code [fhc]d[0-9]*}; {@code cd} alone is the first CD). */
    private static final Pattern DRIVE = Pattern.compile("[fhc]d(0|[1-9][0-9]{0,2})|cd");

    private final Map<String, Path> drives;

    private DeviceMap(Map<String, Path> drives) {
        this.drives = drives;
    }

    /** Drive name → image, in the order they were given ({@code -d} images first). */
    public Map<String, Path> drives() {
        return java.util.Collections.unmodifiableMap(drives);
    }

    /**
     * Combines {@code -d} images and an optional map file. A name given by both is an error, as
     * is an image that cannot be read.
     */
    public static DeviceMap of(List<Path> diskOptions, Path mapFile) throws UsageException {
        Map<String, Path> drives = new LinkedHashMap<>();
        for (int i = 0; i < diskOptions.size(); i++) {
            Path image = diskOptions.get(i);
            checkReadable(image, "-d " + image);
            drives.put("hd" + i, image);
        }
        if (mapFile != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(mapFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("cannot read device map " + mapFile + ": " + HostErrors.reason(e), e);
            }
            for (int n = 0; n < lines.size(); n++) {
                parseLine(mapFile + ":" + (n + 1), lines.get(n), mapFile.getParent(), drives, diskOptions.size());
            }
        }
        if (drives.size() > MAX_DRIVES) {
            throw new UsageException("more than " + MAX_DRIVES + " drives");
        }
        return new DeviceMap(drives);
    }

    private static void parseLine(String where, String raw, Path baseDir, Map<String, Path> drives, int fromOptions)
            throws UsageException {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        if (!line.startsWith("(")) {
            throw new UsageException(where + ": missing `(' symbol");
        }
        int close = line.indexOf(')');
        if (close < 0) {
            throw new UsageException(where + ": missing `)' symbol");
        }
        String name = line.substring(1, close);
        if (name.contains(",")) {
            throw new UsageException(where + ": `(" + name + ")' names a partition; a device map names whole drives");
        }
        if (!DRIVE.matcher(name).matches()) {
            throw new UsageException(where + ": drive name `" + name + "' is not of the form hdN, cdN or fdN");
        }
        String rest = line.substring(close + 1).strip();
        if (rest.isEmpty()) {
            throw new UsageException(where + ": filename expected after (" + name + ")");
        }
        String file = rest.startsWith("\"") ? quoted(where, rest) : unquoted(where, rest);
        Path image = baseDir == null ? Path.of(file) : baseDir.resolve(file);
        if (drives.containsKey(name)) {
            boolean fromD = name.startsWith("hd") && name.length() > 2
                    && Integer.parseInt(name.substring(2)) < fromOptions;
            throw new UsageException(where + ": (" + name + ") is already "
                    + (fromD ? "named by -d " + drives.get(name) : "mapped to " + drives.get(name)));
        }
        checkReadable(image, where);
        drives.put(name, image);
    }

    private static String quoted(String where, String rest) throws UsageException {
        StringBuilder b = new StringBuilder();
        int i = 1;
        for (; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\\' && i + 1 < rest.length()) {
                b.append(rest.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                b.append(c);
            }
        }
        if (i >= rest.length()) {
            throw new UsageException(where + ": missing closing '\"'");
        }
        String after = rest.substring(i + 1).strip();
        if (!after.isEmpty() && !after.startsWith("#")) {
            throw new UsageException(where + ": unexpected `" + after + "' after the file name");
        }
        return b.toString();
    }

    private static String unquoted(String where, String rest) throws UsageException {
        String[] words = rest.split("\\s+", 2);
        if (words.length > 1 && !words[1].startsWith("#")) {
            throw new UsageException(where + ": unexpected `" + words[1] + "' after the file name"
                    + " (quote a path that contains spaces)");
        }
        return words[0];
    }

    private static void checkReadable(Path image, String where) throws UsageException {
        if (!Files.exists(image)) {
            throw new UsageException(where + ": disk image " + image + " does not exist");
        }
        if (Files.isDirectory(image)) {
            throw new UsageException(where + ": disk image " + image + " is a directory");
        }
        if (!Files.isReadable(image)) {
            throw new UsageException(where + ": disk image " + image + " is not readable");
        }
    }
}
