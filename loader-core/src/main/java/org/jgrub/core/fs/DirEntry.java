package org.jgrub.core.fs;

/**
 * One name in a directory.
 *
 * @param name the entry's name (never {@code .} or {@code ..}; a directory lists only its children)
 * @param type the type the directory records, or what the inode says when the directory does not
 * @param id   the node's id for {@link FileSystem#node(long)} (the inode number for ext and UFS)
 */
public record DirEntry(String name, NodeType type, long id) {}
