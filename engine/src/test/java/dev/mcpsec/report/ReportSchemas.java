package dev.mcpsec.report;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The published schemas the reports are checked against, all offline: mcpsec's own JSON report
 * schema ({@code docs/schema/report-<version>.json}), the common JUnit XSD and GitLab's secret
 * detection report schema (both vendored under {@code src/test/resources/schemas/}, origin in its
 * README).
 */
public final class ReportSchemas {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The published JSON report schema, read from the docs so that the file users see is the one
     * tested.
     */
    public static final Path JSON_SCHEMA_FILE =
            docs().resolve("schema/report-" + JsonReporter.SCHEMA_VERSION + ".json");

    private static final JsonSchema JSON = load(JSON_SCHEMA_FILE);
    private static final JsonSchema GITLAB =
            loadResource("schemas/secret-detection-report-format-15.0.7.json");
    private static final Schema JUNIT = junitXsd();

    private ReportSchemas() {}

    /** Violations of mcpsec's JSON report schema, empty when valid. */
    public static List<String> jsonViolations(String report) {
        return violations(JSON, report);
    }

    /** Violations of GitLab's secret detection report schema, empty when valid. */
    public static List<String> gitlabViolations(String report) {
        return violations(GITLAB, report);
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

    /** The repository's docs directory, found from the module's working directory. */
    public static Path docs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs/schema"))) {
                return p.resolve("docs");
            }
        }
        throw new IllegalStateException(
                "docs/schema not found above " + Path.of("").toAbsolutePath());
    }

    private static List<String> violations(JsonSchema schema, String report) {
        try {
            Set<ValidationMessage> messages = schema.validate(MAPPER.readTree(report));
            return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
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
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            JsonNode node = MAPPER.readTree(in);
            return factory().getSchema(node);
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
            throw new IllegalStateException("schemas/JUnit.xsd is missing from the test resources");
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
