package dev.mcpsec.api;

/** Base of the engine's typed exceptions; front ends translate them in one place. */
public class McpsecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public McpsecException(String message) {
        super(message);
    }

    public McpsecException(String message, Throwable cause) {
        super(message, cause);
    }
}
