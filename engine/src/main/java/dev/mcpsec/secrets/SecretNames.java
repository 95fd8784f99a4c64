package dev.mcpsec.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads env/header/flag names: whether a name says "secret", and which marker words it carries. */
final class SecretNames {

    private static final Set<String> SECRET_SUFFIXES =
            Set.of(
                    "key",
                    "apikey",
                    "token",
                    "secret",
                    "password",
                    "passwd",
                    "pwd",
                    "pat",
                    "credential",
                    "credentials",
                    "passphrase",
                    "pass",
                    "auth",
                    "authtoken",
                    "accesstoken",
                    "secretkey",
                    "privatekey",
                    // libpq's PGPASSWORD and the MYSQLPASSWORD of hosted MySQL, written as one word
                    "pgpassword",
                    "mysqlpassword");
    private static final Set<String> STRONG_WORDS =
            Set.of(
                    "password",
                    "passwd",
                    "passphrase",
                    "secretkey",
                    "privatekey",
                    "servicerolekey",
                    "clientsecret",
                    "pgpassword",
                    "mysqlpassword");
    private static final Set<String> STRONG_PAIRS =
            Set.of(
                    "secret key",
                    "private key",
                    "role key",
                    "client secret",
                    "signing key",
                    "master key",
                    "signing secret");
    private static final Set<String> PUBLIC_QUALIFIERS =
            Set.of("public", "publishable", "anon", "pub");

    private SecretNames() {}

    /**
     * The lower-case words of a name: {@code X-API-Key} and {@code apiKey} both give {@code [..,
     * api, key]}.
     */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>(4);
        if (name == null) {
            return words;
        }
        int start = -1;
        for (int i = 0; i <= name.length(); i++) {
            char c = i < name.length() ? name.charAt(i) : ' ';
            boolean alnum = Character.isLetterOrDigit(c);
            boolean camelBreak =
                    alnum
                            && start >= 0
                            && i > start
                            && Character.isUpperCase(c)
                            && Character.isLowerCase(name.charAt(i - 1));
            if (start >= 0 && (!alnum || camelBreak)) {
                words.add(name.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            if (alnum && start < 0) {
                start = i;
            }
        }
        return words;
    }

    /**
     * True when the name says its value is a secret ({@code *_KEY}, {@code *_TOKEN}, {@code
     * PASSWORD}, ...).
     */
    static boolean isSecretName(List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        String last = words.get(words.size() - 1);
        if (!SECRET_SUFFIXES.contains(last)) {
            return false;
        }
        return words.size() < 2 || !PUBLIC_QUALIFIERS.contains(words.get(words.size() - 2));
    }

    /**
     * True when the name alone says the value is a credential whatever its shape: {@code
     * *_PASSWORD}, {@code *_PASSPHRASE}, {@code *_SECRET_KEY}, {@code *_PRIVATE_KEY}, {@code
     * *_SERVICE_ROLE_KEY}, {@code *_CLIENT_SECRET}, {@code *_SIGNING_KEY}, {@code *_MASTER_KEY}.
     */
    static boolean isStrongSecretName(List<String> words) {
        int n = words.size();
        if (n == 0) {
            return false;
        }
        String last = words.get(n - 1);
        if (STRONG_WORDS.contains(last)) {
            return true;
        }
        if (n < 2) {
            return false;
        }
        String pair = words.get(n - 2) + " " + last;
        return STRONG_PAIRS.contains(pair);
    }

    /** True for {@code SUPABASE_SERVICE_ROLE_KEY}, {@code serviceRoleKey} and the like. */
    static boolean isServiceRoleName(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("service") && words.get(i + 1).equals("role")) {
                return true;
            }
        }
        return words.contains("servicerole") || words.contains("servicerolekey");
    }

    /** True when one of the name's words is one of the markers. */
    static boolean hasMarker(List<String> words, List<String> markers) {
        for (String w : words) {
            if (markers.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for an AWS secret access key's name, e.g. {@code AWS_SECRET_ACCESS_KEY} or {@code
     * aws_secret_key}.
     */
    static boolean isAwsSecretName(List<String> words) {
        int n = words.size();
        if (n < 2 || !words.get(n - 1).equals("key")) {
            return n == 1 && words.get(0).equals("awssecretaccesskey");
        }
        return (words.get(n - 2).equals("access") && n >= 3 && words.get(n - 3).equals("secret"))
                || (words.get(n - 2).equals("secret") && n >= 3 && words.get(n - 3).equals("aws"));
    }
}
