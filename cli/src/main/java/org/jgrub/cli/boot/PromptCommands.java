package org.jgrub.cli.boot;

import java.util.ArrayList;
import java.util.List;
import org.jgrub.cli.grub.GrubContext;
import org.jgrub.cli.grub.GrubError;
import org.jgrub.cli.grub.GrubInterpreter;
import org.jgrub.cli.grub.GrubPath;
import org.jgrub.cli.inspect.Listing;
import org.jgrub.core.disk.BlockDevice;
import org.jgrub.core.disk.DevicePath;
import org.jgrub.core.error.JgrubException;
import org.jgrub.core.fs.FileSystem;
import org.jgrub.core.fs.Node;
import org.jgrub.core.fs.NodeType;
import org.jgrub.core.fs.PathResolver;

/** GRUB's {@code ls}, {@code cat} and {@code help}, for configs and the {@code grub>} prompt. */
final class PromptCommands {
    private PromptCommands() {}

    static void register(GrubInterpreter grub, GuestFiles files) {
        grub.commands().register("ls", (ctx, args) -> ls(ctx, files, args));
        grub.commands().register("cat", (ctx, args) -> {
            if (args.isEmpty()) {
                throw GrubError.badArgument("filename expected");
            }
            GrubPath p = ctx.resolve(args.get(args.size() - 1));
            ctx.print(ctx.host().readText(p));
        });
        grub.commands().register("help", (ctx, args) -> {
            StringBuilder b = new StringBuilder();
            for (String name : grub.commands().names()) {
                b.append(name).append('\n');
            }
            ctx.print(b.toString());
        });
    }

    private static void ls(GrubContext ctx, GuestFiles files, List<String> args) {
        boolean longFormat = false;
        List<String> paths = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-") && a.length() > 1) {
                longFormat |= a.contains("l");
            } else {
                paths.add(a);
            }
        }
        try {
            if (paths.isEmpty()) {
                StringBuilder b = new StringBuilder();
                for (BlockDevice d : files.disks().allDevices()) {
                    b.append('(').append(d.name()).append(") ");
                }
                ctx.print(b.append('\n').toString());
                return;
            }
            for (String a : paths) {
                GrubPath p = ctx.resolve(a);
                DevicePath dev = DiskGrubHost.device(p);
                FileSystem fs = files.disks().requireFileSystem(dev);
                if (p.path().isEmpty()) {
                    ctx.print(Listing.device(fs) + "\n");
                    continue;
                }
                Node n = PathResolver.resolve(fs, p.path(), PathResolver.FinalLink.FOLLOW);
                if (n.type() != NodeType.DIRECTORY) {
                    String name = p.path().substring(p.path().lastIndexOf('/') + 1);
                    ctx.print((longFormat ? Listing.line(n, name) : name) + "\n");
                } else {
                    ctx.print(longFormat ? Listing.longLines(fs, p.path(), n.list()) : Listing.names(n.list()) + "\n");
                }
            }
        } catch (JgrubException e) {
            throw DiskGrubHost.grubError(e);
        }
    }
}
