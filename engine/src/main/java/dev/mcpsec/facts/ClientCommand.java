package dev.mcpsec.facts;

/**
 * A command that a client's settings make it run by itself: a Claude Code hook, {@code
 * apiKeyHelper} or {@code statusLine}, a Cursor hook, Codex {@code notify}, a Gemini CLI hook or
 * tool discovery command.
 *
 * @param key the dotted settings key, e.g. {@code hooks.PreToolUse.hooks.command} or {@code
 *     apiKeyHelper}
 * @param command the command as written, with any literal secret in it masked
 * @param risk {@code fetch-and-run} (downloads or decodes code and runs it), {@code network}
 *     (reaches the network: curl, wget, nc, a URL, ...), {@code inert} (only prints constant text:
 *     {@code echo}, {@code printf}) or {@code local}
 * @param ignored the file holding it is ignored by git
 */
public record ClientCommand(
        String file,
        int line,
        int column,
        String client,
        String scope,
        String key,
        String command,
        String risk,
        boolean ignored)
        implements Fact {
    @Override
    public String subject() {
        return "command:" + key + "=" + command;
    }
}
