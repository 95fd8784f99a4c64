package dev.mcpsec.extract;

/**
 * Where the values being inspected come from: the file (display path), the server they are handed
 * to (null for a value outside any server), the client, and the git status of that file.
 */
public record Origin(String file, String server, String client, boolean tracked, boolean ignored) {}
