package dev.mcpsec.secrets;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks whatever may be a credential inside a display string (a URL, a package spec, an image name,
 * a whole command line) with {@link Masker#mask}, and leaves the rest as written. In URLs: the
 * password of the user info always, a user name or token that looks random, every query value that
 * looks random or sits under a secret-like name or is long, a fragment, and path segments that look
 * random. Elsewhere: every run of token characters that looks random or starts with a known
 * provider prefix. "Looks random": a part of at least 12 characters holding letters and digits, or
 * of at least 12 letters whose case flips often and that are not words in camel case. Ordinary
 * names (packages, hosts, paths, versions, flags) stay readable.
 */
final class DisplayMasker {
    /**
     * A scheme, {@code ://} and what follows; never right after a masked form's {@code …} (that
     * would not be stable).
     */
    private static final Pattern URL =
            Pattern.compile("(?i)(?<![\\w…])[a-z][a-z0-9+.-]{0,30}://[^\\s\"'<>`]*");

    /** Characters that end a run of token characters outside URLs. */
    private static final String DELIMITERS = " \t\r\n\f\u000b\"'`=,;:@()[]{}<>|&?#";

    /** Characters that split a run into the parts judged one by one. */
    private static final String PART_SEPARATORS = "/\\._-+~";

    private static final int LONG_VALUE = 16;
    private static final int MAX_PASSES = 8;

    private DisplayMasker() {}

    /**
     * The masked text. A masked form can make new runs or URLs out of its neighbours (a {@code …}
     * tail next to {@code ://}), so the pass repeats until nothing changes: masking a masked string
     * must give it back unchanged, since review registers store masked values and compare them with
     * freshly masked ones.
     */
    static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String shown = once(text);
        if (shown.equals(text)) {
            return shown; // nothing masked: another pass would give the same text again
        }
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            String again = once(shown);
            if (again.equals(shown)) {
                return shown;
            }
            shown = again;
        }
        return shown;
    }

    private static String once(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            runs(text.substring(at, m.start()), out);
            url(m.group(), out);
            at = m.end();
        }
        runs(text.substring(at), out);
        return out.toString();
    }

    /** Masks each run of token characters that looks like a credential. */
    private static void runs(String text, StringBuilder out) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (DELIMITERS.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < text.length()
                    && DELIMITERS.indexOf(text.charAt(end)) < 0
                    && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            String run = text.substring(i, end);
            out.append(secretLike(run) ? Masker.mask(run) : run);
            i = end;
        }
    }

    private static void url(String url, StringBuilder out) {
        int scheme = url.indexOf("://") + 3;
        runs(url.substring(0, scheme - 3), out);
        out.append("://");
        int end = scheme;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(scheme, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                String user = userInfo.substring(0, colon);
                runs(userInfo.substring(0, colon), out);
                out.append(':').append(hidden(userInfo.substring(colon + 1)));
            } else {
                if (secretLike(userInfo) || userInfo.length() >= LONG_VALUE) {
                    out.append(hidden(userInfo));
                } else {
                    runs(userInfo, out);
                }
            }
            out.append('@');
        }
        runs(authority.substring(at + 1), out);
        String rest = url.substring(end);
        int hash = rest.indexOf('#');
        String fragment = hash < 0 ? null : rest.substring(hash + 1);
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            if (secretLike(segments[i])) {
                out.append(Masker.mask(segments[i]));
            } else {
                runs(segments[i], out);
            }
        }
        if (q >= 0) {
            out.append('?');
            String[] pairs = rest.substring(q + 1).split("&", -1);
            for (int i = 0; i < pairs.length; i++) {
                if (i > 0) {
                    out.append('&');
                }
                int eq = pairs[i].indexOf('=');
                if (eq < 0) {
                    runs(pairs[i], out);
                    continue;
                }
                String name = pairs[i].substring(0, eq);
                String value = pairs[i].substring(eq + 1);
                boolean hide =
                        !value.isEmpty()
                                && (secretLike(value)
                                        || value.length() >= LONG_VALUE
                                        || SecretNames.isSecretName(SecretNames.words(name))
                                        || isSignature(name));
                runs(name, out);
                out.append('=');
                if (hide) {
                    out.append(hidden(value));
                } else {
                    runs(value, out);
                }
            }
        }
        if (fragment != null) {
            out.append('#');
            if (!fragment.isEmpty() && (secretLike(fragment) || fragment.length() >= LONG_VALUE)) {
                out.append(hidden(fragment));
            } else {
                runs(fragment, out);
            }
        }
    }

    /**
     * The masked form of a value, or the value itself when it already is a masked form ({@code
     * sk_live_…a1B2}, {@code ****}): display strings are masked again when read back (review
     * registers), and must come out the same.
     */
    private static String hidden(String value) {
        int ellipsis = value.indexOf('…');
        boolean masked =
                ellipsis >= 0
                        ? KnownPrefixes.of(value).length() == ellipsis
                                && value.length() - ellipsis <= 5
                        : value.endsWith("****")
                                && KnownPrefixes.of(value).length() == value.length() - 4;
        return masked ? value : Masker.mask(value);
    }

    private static boolean isSignature(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("sig")
                || n.equals("signature")
                || n.endsWith("-signature")
                || n.equals("code")
                || n.equals("access_token")
                || n.equals("auth")
                || n.equals("key");
    }

    /**
     * True when a run starts with a provider prefix and has a body, or one of its parts looks
     * random.
     */
    static boolean secretLike(String run) {
        if (run.length() < 8) {
            return false;
        }
        for (int i = 0; i < run.length(); i++) {
            if (i == 0 || run.charAt(i - 1) == '/' || run.charAt(i - 1) == '\\') {
                String tail = run.substring(i);
                String prefix = KnownPrefixes.of(tail);
                if (!prefix.isEmpty()
                        && tail.length() - prefix.length() >= 8
                        && hasLetterAndDigit(tail.substring(prefix.length()))) {
                    return true;
                }
            }
        }
        int start = 0;
        for (int i = 0; i <= run.length(); i++) {
            if (i == run.length() || PART_SEPARATORS.indexOf(run.charAt(i)) >= 0) {
                if (randomLooking(run, start, i)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean randomLooking(String s, int from, int to) {
        int len = to - from;
        if (len < 12) {
            return false;
        }
        int letters = 0;
        int digits = 0;
        int upper = 0;
        int lower = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                } else {
                    lower++;
                }
            }
        }
        if (letters >= 2 && (digits >= 2 || digits >= 1 && len >= 16)) {
            return true;
        }
        return digits == 0
                && upper >= 3
                && lower >= 3
                && caseChanges(s, from, to) * 3 >= len
                && !camelCaseWords(s, from, to);
    }

    /**
     * True when a run of letters reads as words joined in camel case ({@code GetStoredProc}, {@code
     * listSysObjects}): every capital starts a word of at least three letters. Tool and method
     * names are written so; random text rarely is (a capital is followed by two small letters a
     * quarter of the time).
     */
    private static boolean camelCaseWords(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isUpperCase(s.charAt(i))
                    && (i + 2 >= to
                            || !Character.isLowerCase(s.charAt(i + 1))
                            || !Character.isLowerCase(s.charAt(i + 2)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * How often the case flips inside a run of letters: about a third of the length or more is
     * random text.
     */
    private static int caseChanges(String s, int from, int to) {
        int changes = 0;
        for (int i = from + 1; i < to; i++) {
            if (Character.isUpperCase(s.charAt(i)) != Character.isUpperCase(s.charAt(i - 1))) {
                changes++;
            }
        }
        return changes;
    }

    private static boolean hasLetterAndDigit(String s) {
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        return letter && digit;
    }
}
