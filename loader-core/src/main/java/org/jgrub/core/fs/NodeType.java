package org.jgrub.core.fs;

/** What a directory entry or inode is. */
public enum NodeType { FILE, DIRECTORY, SYMLINK, OTHER }
