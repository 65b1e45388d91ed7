package org.jgrub.cli.grub;

import java.util.List;

/**
 * A command: built-in or registered by the host (linux, initrd, boot, ls, cat...). It returns
 * normally on success and throws {@link GrubError} to fail; the interpreter prints the error
 * (as GRUB: {@code error: MESSAGE.}) and sets {@code $?}.
 */
@FunctionalInterface
public interface GrubCommand {
    /**
     * @param ctx  the interpreter: variables, host, path resolution, current block
     * @param args the expanded arguments after the command name
     */
    void execute(GrubContext ctx, List<String> args);
}
