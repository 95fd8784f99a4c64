package dev.mcpsec.secrets;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The CRC32/base62 checksum GitHub (and npm) append to their tokens: the last 6 characters of the
 * body.
 */
final class GithubChecksum {

    private static final String BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final int LENGTH = 6;

    private GithubChecksum() {}

    /**
     * True when the body's last 6 characters are the base62 CRC32 of the characters before them.
     */
    static boolean isValid(String body) {
        if (body.length() <= LENGTH) {
            return false;
        }
        String payload = body.substring(0, body.length() - LENGTH);
        return compute(payload).equals(body.substring(body.length() - LENGTH));
    }

    /** The 6-character, zero-padded base62 encoding of the CRC32 of {@code payload}. */
    static String compute(String payload) {
        CRC32 crc = new CRC32();
        crc.update(payload.getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        char[] out = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }
}
