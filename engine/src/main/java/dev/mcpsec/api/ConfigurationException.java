package dev.mcpsec.api;

/**
 * A user setting is wrong (bad path, bad value, unreadable file): exit status 2. {@code setting}
 * names it.
 */
public class ConfigurationException extends McpsecException {
    private static final long serialVersionUID = 1L;

    private final String setting;

    public ConfigurationException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    public ConfigurationException(String setting, String message, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /** The setting at fault in engine terms (e.g. {@code failOn}, {@code bundle}), or null. */
    public String setting() {
        return setting;
    }
}
