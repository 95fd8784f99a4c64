package dev.mcpsec.supply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version ({@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}), normalised as PEP 440
 * says (case, {@code alpha}/{@code beta}/{@code c}/{@code pre}/{@code preview} spellings, optional
 * separators, implicit numbers) and ordered as PEP 440 orders releases: dev &lt; pre &lt; final
 * &lt; post. Local labels are ignored when comparing.
 */
public record Pep440(
        long epoch, List<Long> release, int prePhase, long preNumber, long post, long dev)
        implements Comparable<Pep440> {
    /** No pre-release: sorts after every phase. */
    static final int FINAL = 3;

    /** No post or dev segment. */
    static final long NONE = -1;

    private static final Pattern VERSION =
            Pattern.compile(
                    "v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)"
                            + "(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\\d+)?)?"
                            + "(?:(?:-(\\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\\d+)?))?"
                            + "(?:[-_.]?(dev)[-_.]?(\\d+)?)?"
                            + "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?");

    public Pep440 {
        release = List.copyOf(release);
    }

    /**
     * An exact PEP 440 version; empty for specifiers ({@code >=1.0}), wildcards and anything else.
     */
    public static Optional<Pep440> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long epoch = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            List<Long> release = new ArrayList<>();
            for (String part : m.group(2).split("\\.")) {
                release.add(Long.parseLong(part));
            }
            int phase = FINAL;
            long preNumber = 0;
            if (m.group(3) != null) {
                phase =
                        switch (m.group(3)) {
                            case "a", "alpha" -> 0;
                            case "b", "beta" -> 1;
                            default -> 2;
                        };
                preNumber = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
            }
            long post = NONE;
            if (m.group(5) != null) {
                post = Long.parseLong(m.group(5));
            } else if (m.group(6) != null) {
                post = m.group(7) == null ? 0 : Long.parseLong(m.group(7));
            }
            long dev =
                    m.group(8) == null ? NONE : m.group(9) == null ? 0 : Long.parseLong(m.group(9));
            return Optional.of(new Pep440(epoch, release, phase, preNumber, post, dev));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(Pep440 o) {
        int c = Long.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        for (int i = 0; i < Math.max(release.size(), o.release.size()); i++) {
            c =
                    Long.compare(
                            i < release.size() ? release.get(i) : 0,
                            i < o.release.size() ? o.release.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        c = Integer.compare(preKey(), o.preKey());
        if (c == 0) {
            c =
                    Long.compare(
                            prePhase == FINAL ? 0 : preNumber,
                            o.prePhase == FINAL ? 0 : o.preNumber);
        }
        if (c == 0) {
            c = Long.compare(post, o.post);
        }
        if (c == 0) {
            c =
                    Long.compare(
                            dev == NONE ? Long.MAX_VALUE : dev,
                            o.dev == NONE ? Long.MAX_VALUE : o.dev);
        }
        return c;
    }

    /** A dev release of a final version ({@code 1.0.dev1}) sorts before its pre-releases. */
    private int preKey() {
        if (prePhase == FINAL && post == NONE && dev != NONE) {
            return -1;
        }
        return prePhase;
    }
}
