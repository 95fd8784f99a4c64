package dev.mcpsec.supply;

/**
 * Advisory data that cannot be read: the engine reports it as a configuration error naming the
 * file.
 */
public final class AdvisoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AdvisoryException(String message) {
        super(message);
    }

    public AdvisoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
