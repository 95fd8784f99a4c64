package dev.mcpsec.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The published schemas every report the test suite produces is checked against, all offline, in
 * one place for every module: mcpsec's own JSON report schema ({@code
 * docs/schema/report-<schemaVersion>.json}, the file users see, chosen by the report's {@code
 * schemaVersion}), the common JUnit XSD and GitLab's secret detection report schema (both vendored
 * under {@code schemas/}, origin in its README). A schema that tries to fetch anything fails the
 * test.
 */
public final class ReportSchemas {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonSchema> JSON_BY_VERSION = new ConcurrentHashMap<>();
    private static final JsonSchema GITLAB =
            loadResource("schemas/secret-detection-report-format-15.0.7.json");
    private static final Schema JUNIT = junitXsd();

    private ReportSchemas() {}

    /** The published JSON report schema of a {@code schemaVersion}. */
    public static Path jsonSchemaFile(String schemaVersion) {
        return docs().resolve("schema/report-" + schemaVersion + ".json");
    }

    /**
     * Violations of mcpsec's JSON report schema, empty when valid: the report must name its {@code
     * schemaVersion}, a published schema must exist for it, and the report must validate against
     * it.
     */
    public static List<String> jsonViolations(String report) {
        JsonNode node;
        try {
            node = MAPPER.readTree(report);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            return List.of("not a JSON object");
        }
        JsonNode version = node.get("schemaVersion");
        if (version == null || !version.isTextual()) {
            return List.of("$.schemaVersion: missing, so the report names no published schema");
        }
        Path file = jsonSchemaFile(version.textValue());
        if (!Files.isRegularFile(file)) {
            return List.of(
                    "$.schemaVersion: "
                            + version.textValue()
                            + " has no published schema ("
                            + file
                            + " is missing)");
        }
        JsonSchema schema = JSON_BY_VERSION.computeIfAbsent(version.textValue(), v -> load(file));
        return messages(schema.validate(node));
    }

    /** Violations of the JSON report schema of the file's report. */
    public static List<String> jsonViolations(Path report) {
        return jsonViolations(read(report));
    }

    /**
     * Fails with every violation when {@code report} is not a valid mcpsec JSON report; {@code
     * where} names it in the message.
     */
    public static void assertValidJsonReport(String report, String where) {
        List<String> violations = jsonViolations(report);
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    "the JSON report "
                            + where
                            + " does not validate against docs/schema: "
                            + String.join("; ", violations));
        }
    }

    /**
     * Checks a report of any format against its published schema, where this class holds one
     * ({@code json}, {@code gitlab}, {@code junit}, by the format's id); other formats pass through
     * (SARIF and CycloneDX are validated by their reporters' own tests). Fails naming {@code
     * where}.
     */
    public static void assertValid(String formatId, String report, String where) {
        switch (formatId) {
            case "json" -> assertValidJsonReport(report, where);
            case "gitlab" -> {
                List<String> violations = gitlabViolations(report);
                if (!violations.isEmpty()) {
                    throw new AssertionError(
                            "the GitLab report "
                                    + where
                                    + " does not validate against GitLab's schema: "
                                    + String.join("; ", violations));
                }
            }
            case "junit" -> {
                String violation = junitViolation(report);
                if (violation != null) {
                    throw new AssertionError(
                            "the JUnit report " + where + " does not validate: " + violation);
                }
            }
            default -> {}
        }
    }

    /**
     * The format id of a report file mcpsec writes under a format with a schema here ({@code
     * mcpsec.json}, {@code mcpsec.gitlab.json}, {@code mcpsec.junit.xml}), or null.
     */
    public static String formatOfFile(Path file) {
        return switch (file.getFileName().toString()) {
            case "mcpsec.json" -> "json";
            case "mcpsec.gitlab.json" -> "gitlab";
            case "mcpsec.junit.xml" -> "junit";
            default -> null;
        };
    }

    /**
     * Validates every report file in {@code dir} (not below it) that {@link #formatOfFile} knows;
     * returns how many were checked.
     */
    public static int assertValidReportsIn(Path dir) {
        int checked = 0;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String format = formatOfFile(f);
                if (format != null && Files.isRegularFile(f)) {
                    assertValid(format, read(f), f.toString());
                    checked++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checked;
    }

    /** Violations of GitLab's secret detection report schema, empty when valid. */
    public static List<String> gitlabViolations(String report) {
        try {
            return messages(GITLAB.validate(MAPPER.readTree(report)));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    /** The JUnit XSD's verdict: null when valid, else the first violation. */
    public static String junitViolation(String xml) {
        try {
            JUNIT.newValidator().validate(new StreamSource(new StringReader(xml)));
            return null;
        } catch (SAXException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's docs directory, found from the working directory upwards. */
    public static Path docs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs/schema"))) {
                return p.resolve("docs");
            }
        }
        throw new IllegalStateException(
                "docs/schema not found above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> messages(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load(Path file) {
        try {
            return factory().getSchema(MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema loadResource(String name) {
        try (InputStream in = ReportSchemas.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from mcpsec-test-support");
            }
            return factory().getSchema(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchemaFactory factory() {
        return JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V7,
                builder ->
                        builder.schemaLoaders(
                                loaders ->
                                        loaders.add(
                                                iri -> {
                                                    throw new AssertionError(
                                                            "schema validation tried to fetch "
                                                                    + iri);
                                                })));
    }

    private static Schema junitXsd() {
        URL xsd = ReportSchemas.class.getClassLoader().getResource("schemas/JUnit.xsd");
        if (xsd == null) {
            throw new IllegalStateException(
                    "schemas/JUnit.xsd is missing from mcpsec-test-support");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("JUnit.xsd does not load: " + e.getMessage(), e);
        }
    }
}
