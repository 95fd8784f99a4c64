package dev.mcpsec.supply;

import java.net.IDN;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds names that imitate a known publisher's: the official names, scopes, image namespaces and
 * hosts come in as data (the {@code known-publishers} lists: {@code npm}, {@code pypi}, {@code
 * docker}, {@code remote}; an entry ending in {@code /} or {@code .} is a prefix). A name that is
 * itself official is never a look-alike.
 *
 * <p>Techniques: the same skeleton once homoglyphs are folded ({@code homoglyphs}, {@code mixed
 * scripts} when Latin letters are mixed with Cyrillic or Greek ones), one edit (insert, delete,
 * substitute or swap) from a name of at least {@link #MIN_EDIT_LENGTH} characters ({@code edit
 * distance}), an official npm package copied without its scope or under another scope, or an
 * official scope with a suffix ({@code scope confusion}), and an official domain used as a
 * subdomain of another ({@code host confusion}).
 */
public final class LookAlikes {
    /**
     * Shorter names are compared by skeleton only: one edit from {@code mcp} is too many real
     * names.
     */
    static final int MIN_EDIT_LENGTH = 5;

    /** Package names too generic to say which vendor they copy. */
    private static final Set<String> GENERIC =
            Set.of("mcp", "mcp-server", "server", "cli", "sdk", "mcp-remote");

    private final Set<String> npmExact = new LinkedHashSet<>();
    private final Set<String> npmScopes = new LinkedHashSet<>();
    private final Set<String> pypiExact = new LinkedHashSet<>();
    private final Set<String> pypiPrefixes = new LinkedHashSet<>();
    private final Set<String> images = new LinkedHashSet<>();
    private final Set<String> namespaces = new LinkedHashSet<>();
    private final Set<String> hosts = new LinkedHashSet<>();

    /** The imitated name and how it is imitated. */
    public record Imitation(String imitates, String technique) {}

    /**
     * @param officials list key ({@code npm}, {@code pypi}, {@code docker}, {@code remote}) to
     *     entries
     */
    public LookAlikes(Map<String, List<String>> officials) {
        for (String v : officials.getOrDefault("npm", List.of())) {
            String e = v.strip().toLowerCase(Locale.ROOT);
            if (e.endsWith("/")) {
                npmScopes.add(e.substring(0, e.length() - 1));
            } else {
                npmExact.add(e);
                if (e.startsWith("@") && e.indexOf('/') > 0) {
                    npmScopes.add(e.substring(0, e.indexOf('/')));
                }
            }
        }
        for (String v : officials.getOrDefault("pypi", List.of())) {
            String e = v.strip().toLowerCase(Locale.ROOT);
            if (e.endsWith(".") || e.endsWith("/")) {
                pypiPrefixes.add(e.substring(0, e.length() - 1));
            } else {
                pypiExact.add(Ecosystems.normalizeName("pypi", e));
            }
        }
        for (String v : officials.getOrDefault("docker", List.of())) {
            String e = Ecosystems.normalizeName("oci", v);
            if (e.endsWith("/")) {
                namespaces.add(e.substring(0, e.length() - 1));
            } else {
                images.add(e);
                if (e.lastIndexOf('/') > 0) {
                    namespaces.add(e.substring(0, e.lastIndexOf('/')));
                }
            }
        }
        for (String v : officials.getOrDefault("remote", List.of())) {
            String e = v.strip().toLowerCase(Locale.ROOT);
            int slash = e.indexOf('/');
            hosts.add(slash < 0 ? e : e.substring(0, slash));
        }
    }

    /**
     * What {@code name} (a package of {@code ecosystem}: npm, pypi, oci/docker, or a remote host)
     * imitates, if anything.
     */
    public Optional<Imitation> check(String ecosystem, String name) {
        if (ecosystem == null || name == null || name.isBlank()) {
            return Optional.empty();
        }
        return switch (ecosystem) {
            case "npm" -> npm(name.strip().toLowerCase(Locale.ROOT));
            case "pypi" -> pypi(Ecosystems.normalizeName("pypi", name));
            case "oci", "docker" -> image(Ecosystems.normalizeName("oci", name));
            case "remote" -> host(name.strip().toLowerCase(Locale.ROOT));
            default -> Optional.empty();
        };
    }

    private Optional<Imitation> npm(String name) {
        if (name.contains(":") || name.startsWith(".") || name.startsWith("/")) {
            return Optional.empty();
        }
        boolean scoped = name.startsWith("@") && name.indexOf('/') > 1;
        String scope = scoped ? name.substring(0, name.indexOf('/')) : null;
        String bare = scoped ? name.substring(name.indexOf('/') + 1) : name;
        if (npmExact.contains(name) || (scoped && npmScopes.contains(scope))) {
            return Optional.empty();
        }
        if (scoped) {
            for (String official : npmScopes) {
                Optional<Imitation> i = similar(scope, official, official + "/");
                if (i.isPresent()) {
                    return i;
                }
                String o = official.substring(1);
                String s = scope.substring(1);
                if (o.length() >= MIN_EDIT_LENGTH
                        && (s.startsWith(o + "-")
                                || s.startsWith(o + "_")
                                || s.startsWith(o + ".")
                                || o.startsWith(s + "-"))) {
                    return Optional.of(new Imitation(official + "/", "scope confusion"));
                }
            }
        }
        for (String official : npmExact) {
            Optional<Imitation> i = similar(name, official, official);
            if (i.isPresent()) {
                return i;
            }
            if (official.startsWith("@") && official.indexOf('/') > 0) {
                String officialBare = official.substring(official.indexOf('/') + 1);
                String officialScope = official.substring(1, official.indexOf('/'));
                if (!GENERIC.contains(officialBare)
                        && (bare.equals(officialBare)
                                || (!scoped && name.equals(officialScope + "-" + officialBare)))) {
                    return Optional.of(new Imitation(official, "scope confusion"));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Imitation> pypi(String name) {
        if (name.contains("/") || name.contains(":")) {
            return Optional.empty();
        }
        if (pypiExact.contains(name)
                || pypiPrefixes.stream().anyMatch(p -> name.startsWith(p + "-"))) {
            return Optional.empty();
        }
        for (String official : pypiExact) {
            Optional<Imitation> i = similar(name, official, official);
            if (i.isPresent()) {
                return i;
            }
        }
        int sep = name.indexOf('-');
        if (sep > 0) {
            String head = name.substring(0, sep);
            for (String prefix : pypiPrefixes) {
                Optional<Imitation> i = similar(head, prefix, prefix + ".");
                if (i.isPresent()) {
                    return i;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Imitation> image(String name) {
        int slash = name.lastIndexOf('/');
        String namespace = slash > 0 ? name.substring(0, slash) : null;
        if (images.contains(name) || (namespace != null && namespaces.contains(namespace))) {
            return Optional.empty();
        }
        for (String official : images) {
            Optional<Imitation> i = similar(name, official, official);
            if (i.isPresent()) {
                return i;
            }
        }
        if (namespace != null) {
            for (String official : namespaces) {
                Optional<Imitation> i = similar(namespace, official, official + "/");
                if (i.isPresent()) {
                    return i;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Imitation> host(String rawHost) {
        String host = unicode(rawHost);
        for (String official : hosts) {
            if (host.equals(official) || host.endsWith("." + official)) {
                return Optional.empty();
            }
        }
        String domain = registrable(host);
        for (String official : hosts) {
            String officialDomain = registrable(official);
            if (domain.equals(officialDomain)) {
                continue;
            }
            if (skeleton(domain).equals(skeleton(officialDomain))) {
                return Optional.of(new Imitation(official, scriptTechnique(domain)));
            }
            String label = label(domain);
            String officialLabel = label(officialDomain);
            if (tld(domain).equals(tld(officialDomain))
                    && officialLabel.length() >= MIN_EDIT_LENGTH
                    && distance(label, officialLabel) == 1) {
                return Optional.of(new Imitation(official, "edit distance"));
            }
            if (host.contains(officialDomain + ".")
                    && (host.startsWith(officialDomain + ".")
                            || host.contains("." + officialDomain + "."))) {
                return Optional.of(new Imitation(official, "host confusion"));
            }
        }
        return Optional.empty();
    }

    /**
     * Same skeleton (homoglyphs) or one edit away; {@code label} is how the official name is
     * reported.
     */
    private static Optional<Imitation> similar(String candidate, String official, String label) {
        if (candidate.equals(official)) {
            return Optional.empty();
        }
        if (skeleton(candidate).equals(skeleton(official))) {
            return Optional.of(new Imitation(label, scriptTechnique(candidate)));
        }
        if (official.length() >= MIN_EDIT_LENGTH && distance(candidate, official) == 1) {
            return Optional.of(new Imitation(label, "edit distance"));
        }
        return Optional.empty();
    }

    private static String scriptTechnique(String s) {
        return mixedScripts(s) ? "mixed scripts" : "homoglyphs";
    }

    /** True when the text mixes Latin letters with Cyrillic or Greek ones. */
    public static boolean mixedScripts(String s) {
        boolean latin = false;
        boolean other = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.LATIN) {
                latin = true;
            } else if (script == Character.UnicodeScript.CYRILLIC
                    || script == Character.UnicodeScript.GREEK) {
                other = true;
            }
        }
        return latin && other;
    }

    /**
     * The text with look-alike characters folded to one representative: NFKC, lower case, Cyrillic
     * and Greek letters that look Latin, digits that look like letters ({@code 0}→o, {@code 1}→l),
     * and {@code rn}→m, {@code vv}→w.
     */
    static String skeleton(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            sb.append(fold(cp));
        }
        return sb.toString()
                .replace("rn", "m")
                .replace("vv", "w")
                .replace('i', 'l')
                .replace('_', '-');
    }

    private static char fold(int cp) {
        return switch (cp) {
            case 'а', 'α', 'ɑ' -> 'a';
            case 'в', 'β' -> 'b';
            case 'с', 'ϲ' -> 'c';
            case 'ԁ' -> 'd';
            case 'е', 'ё', 'ε' -> 'e';
            case 'ɡ' -> 'g';
            case 'һ' -> 'h';
            case 'і', 'ї', 'ι', 'ı', '1', 'ӏ', '|' -> 'l';
            case 'ј' -> 'j';
            case 'к', 'κ' -> 'k';
            case 'м' -> 'm';
            case 'п', 'η' -> 'n';
            case 'о', 'ο', 'σ', '0' -> 'o';
            case 'р', 'ρ' -> 'p';
            case 'ԛ' -> 'q';
            case 'ѕ' -> 's';
            case 'т', 'τ' -> 't';
            case 'υ' -> 'u';
            case 'ν' -> 'v';
            case 'ԝ', 'ω' -> 'w';
            case 'х', 'χ' -> 'x';
            case 'у', 'γ' -> 'y';
            default -> cp <= Character.MAX_VALUE ? (char) cp : '?';
        };
    }

    /**
     * Optimal string alignment distance (Damerau-Levenshtein where a swap of neighbours is one
     * edit).
     */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return 2;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] =
                        Math.min(
                                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String unicode(String host) {
        try {
            return IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return host;
        }
    }

    /** The last two labels of a host (a deliberately simple registrable domain). */
    static String registrable(String host) {
        String[] labels = host.split("\\.");
        if (labels.length <= 2) {
            return host;
        }
        return labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    private static String label(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? domain : domain.substring(0, dot);
    }

    private static String tld(String domain) {
        int dot = domain.lastIndexOf('.');
        return dot < 0 ? "" : domain.substring(dot + 1);
    }

    /** Every official entry, for messages and tests. */
    List<String> officials() {
        List<String> all = new ArrayList<>(npmExact);
        all.addAll(pypiExact);
        all.addAll(images);
        all.addAll(hosts);
        return all;
    }
}
