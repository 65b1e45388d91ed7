package org.jgrub.cli.boot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GRUB legacy's menu.lst/grub.conf (CentOS 6 and older) turned into the GRUB 2 script it means,
 * as GRUB 2's {@code legacy_configfile} does for the common commands: {@code default}, {@code timeout},
 * {@code title} (starts an entry), {@code root (hdX,Y)} (partitions counted from 0 there, from 1
 * in GRUB 2), {@code kernel}, {@code initrd}. Other lines are dropped.
 */
public final class LegacyConfig {
    private static final Pattern LEGACY_DEVICE = Pattern.compile("\\(hd(\\d+),(\\d+)\\)");

    private LegacyConfig() {}

    public static String toGrub2(String legacy) {
        StringBuilder out = new StringBuilder();
        boolean inEntry = false;
        for (String raw : legacy.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("[\\s=]+", 2);
            String cmd = kv[0];
            String arg = kv.length > 1 ? kv[1].strip() : "";
            switch (cmd) {
                case "default" -> out.append("set default=").append(quote(arg)).append('\n');
                case "timeout" -> out.append("set timeout=").append(quote(arg)).append('\n');
                case "title" -> {
                    if (inEntry) {
                        out.append("}\n");
                    }
                    out.append("menuentry ").append(quote(arg)).append(" {\n");
                    inEntry = true;
                }
                case "root" -> out.append(inEntry ? "\t" : "").append("set root=").append(quote(device(arg))).append('\n');
                case "kernel" -> {
                    if (inEntry) {
                        out.append("\tlinux ").append(devices(arg)).append('\n');
                    }
                }
                case "initrd" -> {
                    if (inEntry) {
                        out.append("\tinitrd ").append(devices(arg)).append('\n');
                    }
                }
                default -> { } // splashimage, hiddenmenu, password...: nothing to do here
            }
        }
        if (inEntry) {
            out.append("}\n");
        }
        return out.toString();
    }

    private static String device(String legacy) {
        Matcher m = LEGACY_DEVICE.matcher(legacy.strip());
        return m.matches() ? "(hd" + m.group(1) + "," + (Integer.parseInt(m.group(2)) + 1) + ")" : legacy.strip();
    }

    private static String devices(String args) {
        Matcher m = LEGACY_DEVICE.matcher(args);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement("(hd" + m.group(1) + "," + (Integer.parseInt(m.group(2)) + 1) + ")"));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
