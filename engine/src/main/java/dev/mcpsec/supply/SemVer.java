package dev.mcpsec.supply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version as npm orders them ({@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}); a leading
 * {@code v} is accepted because image tags often carry one. Build metadata is ignored when
 * comparing.
 */
public record SemVer(long major, long minor, long patch, List<String> prerelease)
        implements Comparable<SemVer> {
    private static final Pattern FULL =
            Pattern.compile(
                    "[vV]?(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");
    private static final Pattern LOOSE =
            Pattern.compile(
                    "[vV]?(\\d{1,18})(?:\\.(\\d{1,18}))?(?:\\.(\\d{1,18}))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

    public SemVer {
        prerelease = List.copyOf(prerelease);
    }

    /**
     * An exact npm version ({@code 1.2.3}, {@code 1.2.3-beta.1}); empty for ranges, tags and
     * anything else.
     */
    public static Optional<SemVer> parse(String text) {
        return parse(text, FULL);
    }

    /**
     * Like {@link #parse} but {@code 1} and {@code 1.2} count too (missing parts are 0), as image
     * tags are written.
     */
    public static Optional<SemVer> parseLoose(String text) {
        return parse(text, LOOSE);
    }

    private static Optional<SemVer> parse(String text, Pattern pattern) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> pre = new ArrayList<>();
        if (m.group(4) != null) {
            for (String id : m.group(4).split("\\.", -1)) {
                if (id.isEmpty()) {
                    return Optional.empty();
                }
                pre.add(id);
            }
        }
        return Optional.of(
                new SemVer(
                        Long.parseLong(m.group(1)),
                        m.group(2) == null ? 0 : Long.parseLong(m.group(2)),
                        m.group(3) == null ? 0 : Long.parseLong(m.group(3)),
                        pre));
    }

    @Override
    public int compareTo(SemVer o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
            return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
        }
        for (int i = 0; i < Math.min(prerelease.size(), o.prerelease.size()); i++) {
            c = compareIdentifier(prerelease.get(i), o.prerelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(prerelease.size(), o.prerelease.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean na = a.chars().allMatch(Character::isDigit);
        boolean nb = b.chars().allMatch(Character::isDigit);
        if (na && nb) {
            return a.length() != b.length()
                    ? Integer.compare(a.length(), b.length())
                    : a.compareTo(b);
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return major
                + "."
                + minor
                + "."
                + patch
                + (prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease));
    }
}
