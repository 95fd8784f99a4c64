package dev.mcpsec.rules;

import java.util.Collection;

/**
 * "Did you mean ...?" for a misspelt key, field or id: the closest candidate within a small edit
 * distance.
 */
public final class Suggest {
    private Suggest() {}

    /**
     * The candidate closest to {@code word} (case-insensitive edit distance at most 2, or 1 for
     * short words), or null.
     */
    public static String closest(String word, Collection<String> candidates) {
        if (word == null) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = word.length() <= 4 ? 1 : 2;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(), c.toLowerCase());
            if (d <= limit && d < bestDistance && !c.equals(word)) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** {@code "; did you mean \"x\"?"} or the empty string. */
    public static String hint(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? "" : "; did you mean \"" + c + "\"?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
