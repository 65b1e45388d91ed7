package org.jgrub.cli.grub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An in-memory guest for tests: devices (with filesystem UUID and label) holding text files,
 * plus recording of what the loader commands receive.
 */
final class MemoryHost implements GrubHost {
    /** One device's filesystem. */
    static final class Device {
        final String uuid;
        final String label;
        final Map<String, String> files = new LinkedHashMap<>();

        Device(String uuid, String label) {
            this.uuid = uuid;
            this.label = label;
        }

        Device file(String path, String text) {
            files.put(path, text);
            return this;
        }
    }

    final Map<String, Device> devices = new LinkedHashMap<>();
    final Map<String, String> aliases = new LinkedHashMap<>();
    final StringBuilder out = new StringBuilder();
    /** Each loader command call: name followed by its arguments. */
    final List<List<String>> calls = new ArrayList<>();

    Device device(String name, String uuid, String label) {
        Device d = new Device(uuid, label);
        devices.put(name, d);
        return d;
    }

    /** "hd0,1" style short names GRUB accepts for "hd0,msdos1". */
    MemoryHost alias(String alias, String device) {
        aliases.put(alias, device);
        return this;
    }

    static String resource(String name) {
        try (InputStream in = MemoryHost.class.getResourceAsStream("/grub/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Device dev(String name) {
        Device d = devices.get(aliases.getOrDefault(name, name));
        if (d == null) {
            throw new GrubError(GrubError.UNKNOWN_DEVICE, "disk `" + name + "' not found");
        }
        return d;
    }

    private static String norm(String path) {
        String p = path.replaceAll("/+", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "/" : p;
    }

    @Override
    public String readText(GrubPath path) {
        String text = dev(path.device()).files.get(norm(path.path()));
        if (text == null) {
            throw GrubError.fileNotFound(path.path());
        }
        return text;
    }

    @Override
    public Optional<FileInfo> stat(GrubPath path) {
        Device d;
        try {
            d = dev(path.device());
        } catch (GrubError e) {
            return Optional.empty();
        }
        String p = norm(path.path());
        if (p.equals("/")) {
            return Optional.of(FileInfo.dir());
        }
        String text = d.files.get(p);
        if (text != null) {
            return Optional.of(FileInfo.file(text.length()));
        }
        for (String f : d.files.keySet()) {
            if (f.startsWith(p + "/")) {
                return Optional.of(FileInfo.dir());
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> listDirectory(GrubPath path) {
        Device d = dev(path.device());
        String p = norm(path.path());
        String prefix = p.equals("/") ? "/" : p + "/";
        TreeSet<String> names = new TreeSet<>();
        for (String f : d.files.keySet()) {
            if (f.startsWith(prefix)) {
                String rest = f.substring(prefix.length());
                int slash = rest.indexOf('/');
                names.add(slash < 0 ? rest : rest.substring(0, slash));
            }
        }
        if (names.isEmpty()) {
            throw GrubError.fileNotFound(path.path());
        }
        return new ArrayList<>(names);
    }

    @Override
    public List<String> devices() {
        return new ArrayList<>(devices.keySet());
    }

    @Override
    public Optional<String> fsUuid(String device) {
        Device d = devices.get(aliases.getOrDefault(device, device));
        return d == null ? Optional.empty() : Optional.ofNullable(d.uuid);
    }

    @Override
    public Optional<String> fsLabel(String device) {
        Device d = devices.get(aliases.getOrDefault(device, device));
        return d == null ? Optional.empty() : Optional.ofNullable(d.label);
    }

    @Override
    public void print(String text) {
        out.append(text);
    }

    /** An interpreter with recording loader commands (they check that files exist, as GRUB's would). */
    GrubInterpreter interpreter() {
        return interpreter(GrubLimits.defaults());
    }

    GrubInterpreter interpreter(GrubLimits limits) {
        GrubInterpreter g = new GrubInterpreter(this, limits);
        for (String name : List.of("linux", "linux16", "linuxefi", "initrd", "initrd16", "initrdefi")) {
            g.commands().register(name, (ctx, args) -> {
                if (args.isEmpty()) {
                    throw GrubError.badArgument("filename expected");
                }
                int files = name.startsWith("initrd") ? args.size() : 1;
                List<String> call = new ArrayList<>();
                call.add(name);
                for (int i = 0; i < args.size(); i++) {
                    if (i < files) {
                        GrubPath p = ctx.resolve(args.get(i));
                        if (stat(p).isEmpty()) {
                            throw GrubError.fileNotFound(p.path());
                        }
                        call.add(p.toString());
                    } else {
                        call.add(args.get(i));
                    }
                }
                calls.add(call);
            });
        }
        g.commands().register("boot", (ctx, args) -> calls.add(List.of("boot")));
        return g;
    }

    /** The last call of a loader command, or null. */
    List<String> last(String name) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).get(0).equals(name)) {
                return calls.get(i);
            }
        }
        return null;
    }
}
