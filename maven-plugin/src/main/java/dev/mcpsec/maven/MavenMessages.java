package dev.mcpsec.maven;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.PolicyException;
import dev.mcpsec.api.SafeText;
import java.util.Map;

/**
 * The one place where engine exceptions and results become build-log text phrased in POM terms:
 * engine setting names turn into the XML elements a user edits.
 */
public final class MavenMessages {
    private static final Map<String, String> ELEMENTS =
            Map.ofEntries(
                    Map.entry("bundle", "bundles"),
                    Map.entry("bundles", "bundles"),
                    Map.entry("baseline", "baseline"),
                    Map.entry("path", "scanDirectory"),
                    Map.entry("root", "scanDirectory"),
                    Map.entry("failOn", "failOn"),
                    Map.entry("format", "formats"),
                    Map.entry("user", "includeUserConfigs"),
                    Map.entry("home", "includeUserConfigs"),
                    Map.entry("history", "history"),
                    Map.entry("projectPolicies", "projectPolicies"),
                    Map.entry("excludeRules", "excludeRules"),
                    Map.entry("includeRules", "includeRules"),
                    Map.entry("severityOverrides", "severityOverrides"),
                    Map.entry("localRepository", "bundles"));

    private MavenMessages() {}

    /**
     * The POM element for an engine setting name, or null when the setting has no plugin parameter.
     */
    public static String elementFor(String setting) {
        return setting == null ? null : ELEMENTS.get(setting);
    }

    /**
     * A one-paragraph message for anything the goal could not do, in the user's configuration
     * terms.
     */
    public static String describe(RuntimeException e) {
        return SafeText.escape(describeRaw(e), e instanceof PolicyException);
    }

    private static String describeRaw(RuntimeException e) {
        if (e instanceof PluginParameterException p) {
            return "mcpsec: " + p.getMessage();
        }
        if (e instanceof ConfigurationException c) {
            String element = elementFor(c.setting());
            return element == null
                    ? "mcpsec: configuration error: " + c.getMessage()
                    : "mcpsec: <" + element + ">: " + c.getMessage();
        }
        if (e instanceof PolicyException p
                && p.getMessage().startsWith("a policy failed at run time")) {
            return "mcpsec: policy error (fix the rule or its data; see the bundle named below): "
                    + p.getMessage();
        }
        if (e instanceof PolicyException p) {
            return "mcpsec: a policy bundle could not be loaded (check <bundles> and the plugin's <dependencies>): "
                    + p.getMessage();
        }
        return "mcpsec: internal error ("
                + e.getClass().getSimpleName()
                + "): "
                + e.getMessage()
                + "; please report it with the build log";
    }

    /**
     * Like {@link #describe} for the {@code test} goal, whose only input is {@code
     * <bundleDirectory>}.
     */
    public static String describeBundleTest(RuntimeException e) {
        if (e instanceof PolicyException p) {
            return SafeText.escape(
                    "mcpsec: the bundle in <bundleDirectory> could not be loaded: "
                            + p.getMessage(),
                    true);
        }
        if (e instanceof ConfigurationException c) {
            return SafeText.escape("mcpsec: <bundleDirectory>: " + c.getMessage());
        }
        return describe(e);
    }

    /**
     * One finding as a log line: {@code file:line: [severity] RULE-ID title: message (server x)}.
     */
    public static String findingLine(Finding f) {
        StringBuilder line = new StringBuilder(f.file() == null ? "(scan)" : f.file());
        if (f.line() > 0) {
            line.append(':').append(f.line());
        }
        line.append(": [")
                .append(f.severity().id())
                .append("] ")
                .append(f.ruleId())
                .append(' ')
                .append(f.message());
        if (f.server() != null) {
            line.append(" (server ").append(f.server()).append(')');
        }
        return SafeText.escape(line.toString());
    }

    /**
     * The build failure text: how many findings at or above the threshold, and where the reports
     * are.
     */
    public static String failure(long count, String failOn, String reportsWhere) {
        return "mcpsec: "
                + count
                + (count == 1 ? " finding" : " findings")
                + " at or above <failOn>"
                + failOn
                + "</failOn>; "
                + reportsWhere;
    }
}
