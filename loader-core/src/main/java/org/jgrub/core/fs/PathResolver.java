package org.jgrub.core.fs;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jgrub.core.error.JgrubException;

/**
 * Resolves paths on any {@link FileSystem}: {@code .}, {@code ..} (never above the root), absolute
 * and relative symlinks, with a limit on how many links one lookup may follow — so a symlink
 * loop in a guest image ends with an error, not a hang.
 */
public final class PathResolver {
    /** Links followed per lookup, as Linux's {@code MAXSYMLINKS}. */
    public static final int MAX_SYMLINKS = 40;
    /** Longest path or link target handled ({@code PATH_MAX}). */
    public static final int MAX_PATH = 4096;

    /** Whether a symlink that is the last component is followed. */
    public enum FinalLink { FOLLOW, KEEP }

    private PathResolver() {}

    /** The node at absolute {@code path} ("/" is the root; a missing leading slash means the same). */
    public static Node resolve(FileSystem fs, String path, FinalLink finalLink) throws JgrubException {
        if (path.length() > MAX_PATH) {
            throw new JgrubException("path is longer than " + MAX_PATH + " bytes");
        }
        Node root = fs.root();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        Deque<String> todo = new ArrayDeque<>();
        split(path, todo, false);
        int links = 0;
        Node current = root;
        StringBuilder walked = new StringBuilder();
        while (!todo.isEmpty()) {
            String part = todo.pollFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (stack.size() > 1) {
                    stack.pop();
                }
                current = stack.peek();
                walked.append("/..");
                continue;
            }
            if (current.type() != NodeType.DIRECTORY) {
                throw new JgrubException("`" + walked + "' is not a directory");
            }
            walked.append('/').append(part);
            DirEntry entry = current.lookup(part)
                    .orElseThrow(() -> new JgrubException("file `" + displayed(path) + "' not found"));
            Node next = fs.node(entry.id());
            boolean last = todo.stream().allMatch(p -> p.isEmpty() || p.equals("."));
            if (next.type() == NodeType.SYMLINK && (!last || finalLink == FinalLink.FOLLOW)) {
                if (++links > MAX_SYMLINKS) {
                    throw new JgrubException("too many levels of symbolic links resolving `" + displayed(path) + "'");
                }
                String target = next.readLink();
                if (target.isEmpty() || target.length() > MAX_PATH) {
                    throw new JgrubException("symbolic link `" + walked + "' has a target of " + target.length() + " bytes");
                }
                if (target.startsWith("/")) {
                    stack.clear();
                    stack.push(root);
                    current = root;
                }
                split(target, todo, true);
                continue;
            }
            stack.push(next);
            current = next;
        }
        return current;
    }

    private static void split(String path, Deque<String> todo, boolean front) {
        String[] parts = path.split("/", -1);
        if (front) {
            for (int i = parts.length - 1; i >= 0; i--) {
                todo.addFirst(parts[i]);
            }
        } else {
            for (String p : parts) {
                todo.addLast(p);
            }
        }
    }

    private static String displayed(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }
}
