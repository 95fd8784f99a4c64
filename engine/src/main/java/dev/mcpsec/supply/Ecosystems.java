package dev.mcpsec.supply;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * How mcpsec's ecosystems (the {@code ecosystem} of an {@code McpServer}) map onto OSV ecosystems,
 * how package names are normalised in each, and how versions are parsed and ordered: npm by semver,
 * PyPI by PEP 440, container images by their tag read as a (loose) semantic version, with digests
 * compared as text.
 */
public final class Ecosystems {
    private Ecosystems() {}

    /**
     * The mcpsec ecosystem of an OSV ecosystem name, or null when mcpsec does not launch packages
     * of it.
     */
    public static String fromOsv(String osvEcosystem) {
        if (osvEcosystem == null) {
            return null;
        }
        String e = osvEcosystem.strip();
        int colon = e.indexOf(':');
        if (colon > 0) {
            e = e.substring(0, colon);
        }
        return switch (e.toLowerCase(Locale.ROOT)) {
            case "npm" -> "npm";
            case "pypi" -> "pypi";
            case "oci", "docker", "container" -> "oci";
            default -> null;
        };
    }

    /**
     * The name as the registry compares it: npm lower case, PyPI per PEP 503, images without
     * docker.io/library/.
     */
    public static String normalizeName(String ecosystem, String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip();
        return switch (ecosystem) {
            case "pypi" -> n.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            case "oci", "docker" -> {
                String s = n.toLowerCase(Locale.ROOT);
                for (String prefix :
                        new String[] {"index.docker.io/", "registry-1.docker.io/", "docker.io/"}) {
                    if (s.startsWith(prefix)) {
                        s = s.substring(prefix.length());
                        break;
                    }
                }
                yield s.startsWith("library/") ? s.substring("library/".length()) : s;
            }
            default -> n.toLowerCase(Locale.ROOT);
        };
    }

    /**
     * True when {@code version} names exactly one release in that ecosystem (not a range, tag or
     * wildcard).
     */
    public static boolean isExact(String ecosystem, String version) {
        if (version == null || version.isBlank()) {
            return false;
        }
        return switch (ecosystem) {
            case "npm" -> SemVer.parse(version).isPresent();
            case "pypi" -> Pep440.parse(version).isPresent();
            case "oci", "docker" -> !version.equalsIgnoreCase("latest");
            default -> false;
        };
    }

    /**
     * Orders two versions of the ecosystem; empty when either cannot be ordered (e.g. a non-numeric
     * image tag).
     */
    public static Optional<Integer> compare(String ecosystem, String a, String b) {
        return switch (ecosystem) {
            case "npm" ->
                    cmp(
                            SemVer.parse(a).or(() -> SemVer.parseLoose(a)),
                            SemVer.parse(b).or(() -> SemVer.parseLoose(b)),
                            Comparator.naturalOrder());
            case "pypi" -> cmp(Pep440.parse(a), Pep440.parse(b), Comparator.naturalOrder());
            case "oci", "docker" ->
                    cmp(SemVer.parseLoose(a), SemVer.parseLoose(b), Comparator.naturalOrder());
            default -> Optional.empty();
        };
    }

    /**
     * Equal as releases (PEP 440 {@code 1.0 == 1.0.0}), or equal as text when they cannot be
     * parsed.
     */
    public static boolean same(String ecosystem, String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        return compare(ecosystem, a, b).map(c -> c == 0).orElse(false);
    }

    private static <T> Optional<Integer> cmp(Optional<T> a, Optional<T> b, Comparator<T> order) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Integer.signum(order.compare(a.get(), b.get())));
    }
}
