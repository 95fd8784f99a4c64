package dev.mcpsec.report;

import static dev.mcpsec.report.ReportSupport.orEmpty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpsec.api.AppliedBundle;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.RuleOverride;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.Severity;
import dev.mcpsec.api.SuppressedFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers; one run, rules from the loaded rule
 * metadata.
 */
final class SarifReporter implements Reporter {

    static final SarifReporter INSTANCE = new SarifReporter();

    static final String SRCROOT = "%SRCROOT%";
    static final String USERHOME = "USERHOME";
    static final String FINGERPRINT_KEY = "mcpsecFingerprint/v1";
    private static final String USER_PREFIX = "~/";

    private SarifReporter() {}

    @Override
    public void write(ScanResult result, OutputStream out, ReportOptions options)
            throws IOException {
        ObjectNode sarif =
                JsonSupport.object()
                        .put("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
                        .put("version", "2.1.0");
        ObjectNode run = sarif.putArray("runs").addObject();
        ObjectNode tool = run.putObject("tool");
        ObjectNode driver = tool.putObject("driver").put("name", "mcpsec");
        String version = ReportSupport.version(result, options);
        if (version != null) {
            driver.put("version", version);
        }

        Map<String, Integer> ruleIndex = rules(driver.putArray("rules"), result);
        extensions(tool, result);
        originalUriBaseIds(run, result);
        ArrayNode results = run.putArray("results");
        for (Finding f : orEmpty(result.findings())) {
            finding(results.addObject(), f, ruleIndex);
        }
        for (SuppressedFinding s : orEmpty(result.suppressed())) {
            ObjectNode suppression =
                    finding(results.addObject(), s.finding(), ruleIndex)
                            .putArray("suppressions")
                            .addObject()
                            .put("kind", "external")
                            .put("status", "accepted");
            if (s.reason() != null) {
                suppression.put("justification", s.reason());
            }
            if (s.source() != null) {
                suppression.putObject("properties").put("source", s.source());
            }
        }
        if (!orEmpty(result.warnings()).isEmpty()) {
            // warnings (limits hit, configs left out, files skipped) travel with the run, as SARIF
            // notifications
            ArrayNode notes =
                    run.putArray("invocations")
                            .addObject()
                            .put("executionSuccessful", true)
                            .putArray("toolExecutionNotifications");
            for (ScanWarning w : result.warnings()) {
                notes.addObject()
                        .put("level", "warning")
                        .putObject("message")
                        .put("text", w.toString());
            }
        }
        overrides(run, result);
        JsonSupport.write(sarif, out);
    }

    /** Every bundle the scan applied, as a tool extension with its version and SHA-256. */
    private static void extensions(ObjectNode tool, ScanResult result) {
        if (orEmpty(result.bundles()).isEmpty()) {
            return;
        }
        ArrayNode extensions = tool.putArray("extensions");
        for (AppliedBundle b : result.bundles()) {
            ObjectNode ext = extensions.addObject().put("name", b.id());
            if (b.version() != null) {
                ext.put("version", b.version());
            }
            ObjectNode properties = ext.putObject("properties");
            putIfPresent(properties, "origin", b.origin());
            putIfPresent(properties, "sha256", b.sha256());
        }
    }

    /** Rules turned off or re-rated, with source and reason, in the run's property bag. */
    private static void overrides(ObjectNode run, ScanResult result) {
        if (orEmpty(result.overrides()).isEmpty()) {
            return;
        }
        ArrayNode list = run.putObject("properties").putArray("mcpsecRuleOverrides");
        for (RuleOverride o : result.overrides()) {
            ObjectNode n =
                    list.addObject()
                            .put("kind", o.kind())
                            .put("ruleId", o.rule())
                            .put("via", o.via());
            if (o.from() != null) {
                n.put("from", o.from().id()).put("to", o.to().id());
            }
            n.put("source", o.source());
            putIfPresent(n, "reason", o.reason());
        }
    }

    /**
     * Writes every loaded rule, plus a descriptor derived from the finding for any rule missing
     * from the metadata.
     */
    private static Map<String, Integer> rules(ArrayNode rules, ScanResult result) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (RuleInfo rule : orEmpty(result.rules())) {
            if (rule.id() != null && !index.containsKey(rule.id())) {
                index.put(rule.id(), index.size());
                rule(rules.addObject(), rule);
            }
        }
        for (Finding f : orEmpty(result.findings())) {
            addDerivedRule(rules, index, f);
        }
        for (SuppressedFinding s : orEmpty(result.suppressed())) {
            addDerivedRule(rules, index, s.finding());
        }
        return index;
    }

    private static void addDerivedRule(ArrayNode rules, Map<String, Integer> index, Finding f) {
        if (f.ruleId() != null && !index.containsKey(f.ruleId())) {
            index.put(f.ruleId(), index.size());
            rule(
                    rules.addObject(),
                    new RuleInfo(
                            f.ruleId(),
                            f.checklist(),
                            f.severity(),
                            f.title(),
                            null,
                            f.remediation(),
                            null,
                            f.bundle(),
                            null));
        }
    }

    private static void rule(ObjectNode node, RuleInfo rule) {
        String title = rule.title() == null ? rule.id() : rule.title();
        String description =
                rule.description() == null || rule.description().isBlank()
                        ? title
                        : rule.description();
        node.put("id", rule.id()).put("name", rule.id());
        node.putObject("shortDescription").put("text", title);
        node.putObject("fullDescription").put("text", description);
        ObjectNode help = node.putObject("help");
        if (rule.remediation() == null || rule.remediation().isBlank()) {
            help.put("text", description).put("markdown", description);
        } else {
            help.put("text", description + "\n\nFix: " + rule.remediation())
                    .put("markdown", description + "\n\n**Fix:** " + rule.remediation());
        }
        if (rule.helpUri() != null && !rule.helpUri().isBlank()) {
            node.put("helpUri", rule.helpUri());
        }
        Severity severity = rule.severity() == null ? Severity.MEDIUM : rule.severity();
        node.putObject("defaultConfiguration").put("level", level(severity));
        ObjectNode properties =
                node.putObject("properties")
                        .put("security-severity", String.valueOf(severity.securityScore()));
        ArrayNode tags = properties.putArray("tags").add("security");
        if (rule.checklist() != null && !rule.checklist().isBlank()) {
            tags.add(rule.checklist());
        }
        rule.owasp().forEach(item -> tags.add("OWASP-" + item));
        // Every rule matches a concrete value in a config, not a heuristic over code; GitHub shows
        // "high" as is.
        properties.put("precision", "high");
    }

    private static void originalUriBaseIds(ObjectNode run, ScanResult result) {
        ObjectNode bases = JsonSupport.object();
        String rootUri = rootUri(result.root());
        if (rootUri != null) {
            bases.putObject(SRCROOT).put("uri", rootUri);
        }
        boolean userFiles =
                orEmpty(result.findings()).stream().anyMatch(f -> isUserFile(f.file()))
                        || orEmpty(result.suppressed()).stream()
                                .anyMatch(s -> isUserFile(s.finding().file()));
        if (userFiles) {
            // The home folder's path is machine-specific and not part of the scan result, so it
            // stays unresolved.
            bases.putObject(USERHOME)
                    .putObject("description")
                    .put("text", "The home folder of the user who ran the scan.");
        }
        if (!bases.isEmpty()) {
            run.set("originalUriBaseIds", bases);
        }
    }

    private static ObjectNode finding(ObjectNode node, Finding f, Map<String, Integer> ruleIndex) {
        node.put("ruleId", f.ruleId());
        Integer index = ruleIndex.get(f.ruleId());
        if (index != null) {
            node.put("ruleIndex", index);
        }
        node.put("level", level(f.severity()));
        node.putObject("message").put("text", f.message() != null ? f.message() : f.title());
        if (f.file() != null && !f.file().isBlank()) {
            ObjectNode physical =
                    node.putArray("locations").addObject().putObject("physicalLocation");
            boolean user = isUserFile(f.file());
            physical.putObject("artifactLocation")
                    .put(
                            "uri",
                            relativeUri(user ? f.file().substring(USER_PREFIX.length()) : f.file()))
                    .put("uriBaseId", user ? USERHOME : SRCROOT);
            ObjectNode region =
                    physical.putObject("region").put("startLine", Math.max(1, f.line()));
            if (f.line() > 0 && f.column() > 0) {
                region.put("startColumn", f.column());
            }
        }
        if (f.fingerprint() != null) {
            node.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
        }
        ObjectNode properties =
                node.putObject("properties")
                        .put("checklist", f.checklist())
                        .put("severity", f.severity().id());
        putIfPresent(properties, "server", f.server());
        putIfPresent(properties, "client", f.client());
        putIfPresent(properties, "commit", f.commit());
        return node;
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    private static boolean isUserFile(String file) {
        return file != null && file.startsWith(USER_PREFIX);
    }

    /**
     * A relative URI reference: backslashes become slashes, spaces and non-ASCII characters are
     * percent-encoded.
     */
    static String relativeUri(String file) {
        String path = file.replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        int slash = path.indexOf('/');
        if (path.substring(0, slash < 0 ? path.length() : slash).contains(":")) {
            path = "./" + path; // a colon in the first segment would read as a URI scheme
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot build a URI for " + path, e);
        }
    }

    /** SARIF wants base URIs to end with a slash. */
    static String rootUri(String root) {
        if (root == null || root.isBlank()) {
            return null;
        }
        try {
            String uri = Path.of(root).toAbsolutePath().normalize().toUri().toASCIIString();
            return uri.endsWith("/") ? uri : uri + "/";
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
