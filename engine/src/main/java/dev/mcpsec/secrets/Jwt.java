package dev.mcpsec.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the claims of a JWT without verifying it: enough to tell a Supabase service-role key from
 * an anon key.
 */
final class Jwt {

    private static final Pattern STRING_CLAIM =
            Pattern.compile("\"(role|iss|ref)\"\\s*:\\s*\"([^\"]{0,200})\"");
    private static final Pattern EXP_CLAIM = Pattern.compile("\"exp\"\\s*:\\s*(\\d{1,15})");

    /** The claims mcpsec reads; absent claims are null. */
    record Claims(String role, String iss, String ref, Long exp) {}

    private Jwt() {}

    /** The payload claims, or empty when the token has no decodable JSON payload. */
    static Optional<Claims> claims(String token) {
        int first = token.indexOf('.');
        if (first < 0) {
            return Optional.empty();
        }
        int second = token.indexOf('.', first + 1);
        String payload = token.substring(first + 1, second < 0 ? token.length() : second);
        String json;
        try {
            json =
                    new String(
                            Base64.getUrlDecoder().decode(stripPadding(payload)),
                            StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!json.startsWith("{")) {
            return Optional.empty();
        }
        String role = null;
        String iss = null;
        String ref = null;
        Matcher m = STRING_CLAIM.matcher(json);
        while (m.find()) {
            switch (m.group(1)) {
                case "role" -> role = m.group(2);
                case "iss" -> iss = m.group(2);
                default -> ref = m.group(2);
            }
        }
        Matcher e = EXP_CLAIM.matcher(json);
        Long exp = e.find() ? Long.valueOf(e.group(1)) : null;
        return Optional.of(new Claims(role, iss, ref, exp));
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }
}
