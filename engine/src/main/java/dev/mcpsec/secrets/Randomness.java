package dev.mcpsec.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cheap measures of how random a string looks: Shannon entropy, runs, and the words it is made of.
 */
final class Randomness {

    private Randomness() {}

    /** Shannon entropy in bits per character. */
    static double entropy(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int[] counts = new int[128];
        java.util.Map<Character, Integer> other = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                if (other == null) {
                    other = new java.util.HashMap<>();
                }
                other.merge(c, 1, Integer::sum);
            }
        }
        double h = 0;
        double n = s.length();
        for (int c : counts) {
            if (c > 0) {
                double p = c / n;
                h -= p * Math.log(p);
            }
        }
        if (other != null) {
            for (int c : other.values()) {
                double p = c / n;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(2);
    }

    /** Length of the longest run of one repeated character. */
    static int longestRepeat(String s) {
        int best = s.isEmpty() ? 0 : 1;
        int run = 1;
        for (int i = 1; i < s.length(); i++) {
            run = s.charAt(i) == s.charAt(i - 1) ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return best;
    }

    /**
     * Length of the longest run of consecutive ascending characters, like {@code abcdef} or {@code
     * 123456}.
     */
    static int longestAscending(String s) {
        int best = s.isEmpty() ? 0 : 1;
        int run = 1;
        for (int i = 1; i < s.length(); i++) {
            run = s.charAt(i) == s.charAt(i - 1) + 1 ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return best;
    }

    /**
     * The lower-cased words of a string: chunks between non-alphanumerics, plus the camelCase parts
     * of a chunk when it reads like words. Random tokens have many one-letter parts, so their
     * chunks are never split, which keeps a random body from "containing" a short word such as
     * {@code my} by chance.
     */
    static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && !Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                String chunk = s.substring(start, i);
                words.add(chunk.toLowerCase(Locale.ROOT));
                List<String> parts = camelParts(chunk);
                if (parts.size() > 1 && parts.stream().allMatch(p -> p.length() >= 2)) {
                    parts.forEach(p -> words.add(p.toLowerCase(Locale.ROOT)));
                }
            }
        }
        return words;
    }

    /**
     * The share of a string's letters and digits that sit in readable words: letter-only chunks or
     * camelCase parts of at least 3 letters. Placeholders ({@code your_api_key_here}) score near 1,
     * random tokens near 0.
     */
    static double wordyFraction(String s) {
        int alnum = 0;
        int wordy = 0;
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && !Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                continue;
            }
            String chunk = s.substring(start, i);
            alnum += chunk.length();
            if (!chunk.chars().allMatch(Character::isLetter)) {
                continue;
            }
            List<String> parts = camelParts(chunk);
            if (parts.size() == 1 || parts.stream().allMatch(p -> p.length() >= 2)) {
                for (String p : parts) {
                    wordy += p.length() >= 3 ? p.length() : 0;
                }
            }
        }
        return alnum == 0 ? 0 : (double) wordy / alnum;
    }

    private static List<String> camelParts(String chunk) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < chunk.length(); i++) {
            char prev = chunk.charAt(i - 1);
            char c = chunk.charAt(i);
            boolean boundary =
                    Character.isDigit(prev) != Character.isDigit(c)
                            || (Character.isLowerCase(prev) && Character.isUpperCase(c))
                            || (Character.isUpperCase(prev)
                                    && Character.isUpperCase(c)
                                    && i + 1 < chunk.length()
                                    && Character.isLowerCase(chunk.charAt(i + 1)));
            if (boundary) {
                parts.add(chunk.substring(start, i));
                start = i;
            }
        }
        parts.add(chunk.substring(start));
        return parts;
    }
}
