package dev.mcpsec.maven;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.Severity;
import dev.mcpsec.options.BundleSpec;
import dev.mcpsec.options.FailOn;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the {@code verify} goal's parameters onto the engine's {@link ScanRequest}; every invalid
 * value becomes a {@link PluginParameterException} that names the POM element and what it accepts.
 */
public final class RequestAdapter {
    private RequestAdapter() {}

    /** Validates {@code settings} and builds the scan plan. */
    public static ScanPlan toPlan(VerifySettings settings) {
        Severity failOn = parseFailOn(settings.failOn());
        Set<OutputFormat> formats = parseFormats(settings.formats());
        ScanRequest.Builder builder =
                ScanRequest.builder(settings.scanDirectory().toPath().toAbsolutePath().normalize())
                        .includeUser(settings.includeUserConfigs())
                        .history(settings.history())
                        .projectPolicies(settings.projectPolicies())
                        .bundles(
                                nonBlank(settings.bundles(), "bundles").stream()
                                        .map(b -> resolveBundle(b, settings.baseDirectory()))
                                        .toList())
                        .excludeRules(
                                new LinkedHashSet<>(
                                        nonBlank(settings.excludeRules(), "excludeRules")))
                        .includeRules(
                                new LinkedHashSet<>(
                                        nonBlank(settings.includeRules(), "includeRules")))
                        .severityOverrides(parseOverrides(settings.severityOverrides()))
                        .bundleClassLoader(settings.bundleClassLoader())
                        .limits(parseLimits(settings.limits()))
                        .allowExternalGit(settings.allowExternalGit());
        if (settings.baseline() != null) {
            builder.baseline(settings.baseline().toPath().toAbsolutePath().normalize());
        }
        if (settings.localRepository() != null) {
            builder.localRepository(settings.localRepository().toPath());
        }
        advisories(settings, builder);
        return new ScanPlan(builder.build(), failOn, formats);
    }

    /**
     * {@code <advisories>} (paths that must exist) and {@code <advisoriesMaxAge>} (days, 0 or
     * more).
     */
    static void advisories(VerifySettings settings, ScanRequest.Builder builder) {
        List<Path> paths = new java.util.ArrayList<>();
        for (String a : nonBlank(settings.advisories(), "advisories")) {
            Path p = Path.of(a);
            if (!p.isAbsolute() && settings.baseDirectory() != null) {
                p = settings.baseDirectory().toPath().resolve(p);
            }
            if (!java.nio.file.Files.exists(p)) {
                throw new PluginParameterException(
                        "advisories",
                        "<advisories> entry "
                                + a
                                + " does not exist ("
                                + p.toAbsolutePath().normalize()
                                + ")");
            }
            paths.add(p.toAbsolutePath().normalize());
        }
        builder.advisories(paths);
        if (settings.advisoriesMaxAge() != null) {
            if (settings.advisoriesMaxAge() < 0) {
                throw new PluginParameterException(
                        "advisoriesMaxAge",
                        "<advisoriesMaxAge> is a number of days, 0 or "
                                + "more; got "
                                + settings.advisoriesMaxAge());
            }
            builder.advisoriesMaxAge(java.time.Duration.ofDays(settings.advisoriesMaxAge()));
        }
    }

    /**
     * A map parameter plus its command-line form {@code key=value,key=value} ({@code
     * -Dmcpsec.limits=...}); the command-line entries win. A malformed entry names the property and
     * the element.
     */
    static Map<String, String> withEntries(Map<String, String> map, String list, String element) {
        if (list == null || list.isBlank()) {
            return map;
        }
        Map<String, String> merged = new LinkedHashMap<>(map == null ? Map.of() : map);
        for (String entry : list.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new PluginParameterException(
                        element,
                        "-Dmcpsec."
                                + element
                                + " takes name=value entries "
                                + "separated by commas (like <"
                                + element
                                + ">); got '"
                                + entry.trim()
                                + "'");
            }
            merged.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return merged;
    }

    /** Applies {@code <limits>} to the defaults; a wrong name or value names the element. */
    static ScanLimits parseLimits(Map<String, String> limits) {
        ScanLimits result = ScanLimits.defaults();
        if (limits == null) {
            return result;
        }
        for (Map.Entry<String, String> e : limits.entrySet()) {
            try {
                result = result.with(e.getKey(), e.getValue());
            } catch (ConfigurationException ex) {
                throw new PluginParameterException(
                        "limits", "<limits><" + e.getKey() + ">: " + ex.getMessage());
            }
        }
        return result;
    }

    /** Parses {@code <failOn>}: a severity id or {@code never} (returned as null). */
    static Severity parseFailOn(String text) {
        try {
            return FailOn.parse(text).severity();
        } catch (IllegalArgumentException e) {
            throw new PluginParameterException(
                    "failOn", "<failOn> must be one of " + FailOn.ALLOWED + "; got '" + text + "'");
        }
    }

    /**
     * A spec written as a path ({@code ./x}, {@code /x}, {@code x.jar}) means relative to the
     * project's directory, as everywhere in a POM; {@code G:A:V} (and anything else, which the
     * engine refuses) stays as written and is never looked up as a file.
     */
    static String resolveBundle(String spec, File baseDirectory) {
        if (baseDirectory == null) {
            return spec;
        }
        return BundleSpec.resolvePath(
                spec, target -> baseDirectory.toPath().resolve(target).normalize().toString());
    }

    private static Set<OutputFormat> parseFormats(List<String> formats) {
        Set<OutputFormat> parsed = EnumSet.noneOf(OutputFormat.class);
        for (String entry : orEmpty(formats)) {
            // -Dmcpsec.formats=json,sarif arrives as one entry on some Maven versions
            for (String id : entry.split(",")) {
                if (!id.isBlank()) {
                    parsed.add(OutputFormat.parse(id));
                }
            }
        }
        return parsed;
    }

    private static Map<String, Severity> parseOverrides(Map<String, String> overrides) {
        Map<String, Severity> parsed = new LinkedHashMap<>();
        if (overrides == null) {
            return parsed;
        }
        overrides.forEach(
                (id, value) -> {
                    try {
                        parsed.put(id, Severity.parse(value));
                    } catch (IllegalArgumentException e) {
                        throw new PluginParameterException(
                                "severityOverrides",
                                "<severityOverrides><"
                                        + id
                                        + "> must be one of "
                                        + Severity.allowed()
                                        + "; got '"
                                        + value
                                        + "'");
                    }
                });
        return parsed;
    }

    private static List<String> nonBlank(List<String> values, String element) {
        List<String> result = orEmpty(values).stream().map(v -> v == null ? "" : v.trim()).toList();
        if (result.stream().anyMatch(String::isEmpty)) {
            throw new PluginParameterException(element, "<" + element + "> has an empty entry");
        }
        return result;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
