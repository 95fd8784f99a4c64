package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin's reference documentation is generated from the mojos: maven-plugin-plugin writes the
 * descriptor ({@code META-INF/maven/plugin.xml}, goals, parameters, user properties, defaults,
 * javadoc) before the tests run; this test renders it as Markdown (the plugin reference under
 * {@code target/generated-docs/}, what {@code mcpsec:help} prints too) and checks {@code
 * docs/maven-plugin.md} against it, so the hand-written page cannot drift.
 */
class PluginDocsTest {
    /** Goal → the heading of its parameter table in docs/maven-plugin.md. */
    static final Map<String, String> SECTIONS =
            Map.of(
                    "verify", "## Parameters of `verify`",
                    "test", "### The bundle project and `mcpsec:test`",
                    "report", "## Site reports: `mcpsec:report` and `mcpsec:aggregate`",
                    "aggregate", "## Site reports: `mcpsec:report` and `mcpsec:aggregate`",
                    "help", "## Help: `mcpsec:help`");

    /** User properties that are Maven conventions rather than mcpsec's own. */
    static final Set<String> CONVENTIONAL =
            Set.of("skipTests", "detail", "goal", "indentSize", "lineLength");

    record Param(
            String goal,
            String name,
            String property,
            String defaultValue,
            String description,
            boolean editable,
            String type) {}

    static Map<String, List<Param>> goals;
    static String docs;

    @BeforeAll
    static void read() throws Exception {
        Path descriptor = Path.of("target/classes/META-INF/maven/plugin.xml");
        assertThat(descriptor)
                .as("the descriptor maven-plugin-plugin generates in process-classes")
                .isRegularFile();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(descriptor.toFile());
        goals = new LinkedHashMap<>();
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            Element config = (Element) mojo.getElementsByTagName("configuration").item(0);
            List<Param> params = new ArrayList<>();
            NodeList ps =
                    ((Element) mojo.getElementsByTagName("parameters").item(0))
                            .getElementsByTagName("parameter");
            for (int j = 0; j < ps.getLength(); j++) {
                Element p = (Element) ps.item(j);
                String name = text(p, "name");
                Element c =
                        config == null ? null : (Element) config.getElementsByTagName(name).item(0);
                String expression = c == null ? "" : c.getTextContent().trim();
                String property =
                        expression.startsWith("${")
                                ? expression.substring(2, expression.length() - 1)
                                : null;
                String def =
                        c == null || !c.hasAttribute("default-value")
                                ? null
                                : c.getAttribute("default-value");
                params.add(
                        new Param(
                                goal,
                                name,
                                property,
                                def,
                                text(p, "description"),
                                Boolean.parseBoolean(text(p, "editable")),
                                text(p, "type")));
            }
            goals.put(goal, params);
        }
        docs = Files.readString(Path.of("..", "docs", "maven-plugin.md"), StandardCharsets.UTF_8);
        Path out = Path.of("target/generated-docs/plugin-reference.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, markdown(), StandardCharsets.UTF_8);
    }

    @Test
    void theGoalsAreVerifyTestReportAggregateAndHelp() {
        assertThat(goals.keySet())
                .containsExactlyInAnyOrder("verify", "test", "report", "aggregate", "help");
    }

    @Test
    void everyMcpsecParameter_hasHelpTextAndAnMcpsecUserProperty() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Param p : own()) {
            if (p.description().isBlank()) {
                problems.add(p.goal() + " <" + p.name() + "> has no help text");
            }
            boolean mapWithListForm =
                    p.type().equals("java.util.Map")
                            && goals.get(p.goal()).stream()
                                    .anyMatch(
                                            q ->
                                                    q.name().equals(listFormOf(p.name()))
                                                            && q.property() != null
                                                            && q.property()
                                                                    .equals("mcpsec." + p.name()));
            if (p.property() == null && !mapWithListForm) {
                problems.add(p.goal() + " <" + p.name() + "> has no user property");
            } else if (p.property() != null
                    && !p.property().startsWith("mcpsec.")
                    && !CONVENTIONAL.contains(p.property())) {
                problems.add(
                        p.goal()
                                + " <"
                                + p.name()
                                + "> has user property "
                                + p.property()
                                + ", not mcpsec.*");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void docsMavenPluginMd_hasARowForEveryParameter_withItsPropertyAndDefault() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Param p : own()) {
            String section = section(SECTIONS.get(p.goal()));
            if (section == null) {
                problems.add(
                        "docs/maven-plugin.md has no section '" + SECTIONS.get(p.goal()) + "'");
                continue;
            }
            String row =
                    section.lines()
                            .filter(l -> l.startsWith("| `<" + p.name() + ">` |"))
                            .findFirst()
                            .orElse(null);
            if (row == null) {
                problems.add(p.goal() + ": no row for <" + p.name() + ">");
                continue;
            }
            String[] cells = row.split("\\|");
            String property = cells[2].trim();
            String def = cells[3].trim();
            if (p.property() != null && !property.startsWith("`" + p.property() + "`")) {
                problems.add(
                        p.goal()
                                + " <"
                                + p.name()
                                + ">: docs say property "
                                + property
                                + ", mojo has "
                                + p.property());
            }
            if (p.property() == null && !property.equals("—")) {
                problems.add(
                        p.goal()
                                + " <"
                                + p.name()
                                + ">: docs say property "
                                + property
                                + ", mojo has none");
            }
            if (p.defaultValue() != null && !def.equals("`" + p.defaultValue() + "`")) {
                problems.add(
                        p.goal()
                                + " <"
                                + p.name()
                                + ">: docs say default "
                                + def
                                + ", mojo has "
                                + p.defaultValue());
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Parameters the mcpsec classes declare (not readonly), including the generated help goal's.
     */
    static List<Param> own() throws Exception {
        List<Param> own = new ArrayList<>();
        for (Map.Entry<String, List<Param>> g : goals.entrySet()) {
            Set<String> declared = declaredFields(g.getKey());
            for (Param p : g.getValue()) {
                if (p.editable() && declared.contains(p.name())) {
                    own.add(p);
                }
            }
        }
        return own;
    }

    private static Set<String> declaredFields(String goal) throws Exception {
        String implementation =
                switch (goal) {
                    case "verify" -> "dev.mcpsec.maven.VerifyMojo";
                    case "test" -> "dev.mcpsec.maven.TestMojo";
                    case "report" -> "dev.mcpsec.maven.ReportMojo";
                    case "aggregate" -> "dev.mcpsec.maven.AggregateMojo";
                    case "help" -> "dev.mcpsec.maven.HelpMojo";
                    default -> throw new AssertionError("unknown goal " + goal);
                };
        Set<String> names = new TreeSet<>();
        for (Class<?> c = Class.forName(implementation);
                c != null && c.getName().startsWith("dev.mcpsec.");
                c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                names.add(f.getName());
            }
        }
        return names;
    }

    static String listFormOf(String mapName) {
        return switch (mapName) {
            case "severityOverrides" -> "severityOverrideList";
            case "limits" -> "limitList";
            default -> mapName + "List";
        };
    }

    private static String section(String heading) {
        int start = docs.indexOf(heading + "\n");
        if (start < 0) {
            return null;
        }
        int next = docs.indexOf("\n## ", start + heading.length());
        return next < 0 ? docs.substring(start) : docs.substring(start, next);
    }

    private static String markdown() throws Exception {
        StringBuilder md =
                new StringBuilder("# mcpsec-maven-plugin goals (generated from the mojos)\n");
        Set<String> ownNames = new TreeSet<>();
        for (Param p : own()) {
            ownNames.add(p.goal() + "/" + p.name());
        }
        for (Map.Entry<String, List<Param>> g : goals.entrySet()) {
            md.append("\n## mcpsec:")
                    .append(g.getKey())
                    .append(
                            "\n\n| element | user property | default | meaning |\n|---|---|---|---|\n");
            for (Param p : g.getValue()) {
                if (!p.editable() || !ownNames.contains(p.goal() + "/" + p.name())) {
                    continue;
                }
                md.append("| `<")
                        .append(p.name())
                        .append(">` | ")
                        .append(p.property() == null ? "—" : "`" + p.property() + "`")
                        .append(" | ")
                        .append(p.defaultValue() == null ? "" : "`" + p.defaultValue() + "`")
                        .append(" | ")
                        .append(p.description().replace("|", "\\|").replace("\n", " "))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
    }
}
