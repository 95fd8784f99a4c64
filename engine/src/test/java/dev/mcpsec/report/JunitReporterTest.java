package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.Severity;
import dev.mcpsec.testsupport.ReportSchemas;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReporterTest {

    private static ReportOptions failOn(Severity threshold) {
        return new ReportOptions(
                false, false, "0.1.0", threshold, Instant.parse("2026-01-15T10:00:00Z"));
    }

    @Test
    void oneSuitePerFile_oneCasePerChecklistId_failuresAtOrAboveTheThreshold() throws Exception {
        Document doc =
                parse(
                        ReportFixtures.render(
                                ReportFormat.JUNIT,
                                ReportFixtures.sample(),
                                failOn(Severity.HIGH)));
        List<Element> suites = elements(doc.getDocumentElement(), "testsuite");
        assertThat(suites)
                .extracting(s -> s.getAttribute("name"))
                .containsExactly(
                        ".mcp.json",
                        ".claude/settings.json",
                        ".cursor/mcp.json",
                        "~/.claude.json",
                        "mcpsec scan warnings");
        Element mcp = suites.get(0);
        // 8 checklist ids among the rules that ran
        assertThat(elements(mcp, "testcase")).hasSize(8);
        assertThat(failing(mcp))
                .containsExactly(
                        "committed-secrets", "dev-database", "history-secrets", "stripe-test-keys");
        assertThat(mcp.getAttribute("failures")).isEqualTo("4");
        // the low finding passes and is listed in the suite's output
        assertThat(elements(mcp, "system-out").get(0).getTextContent())
                .contains("[low] .mcp.json:6:18", "MCP-PIN-001");
        // the unparseable file has one test case in error
        Element cursor = suites.get(2);
        assertThat(cursor.getAttribute("errors")).isEqualTo("1");
        assertThat(elements(cursor, "error")).hasSize(1);
    }

    @Test
    void threshold_decidesWhatFails() throws Exception {
        Document medium =
                parse(
                        ReportFixtures.render(
                                ReportFormat.JUNIT,
                                ReportFixtures.sample(),
                                failOn(Severity.MEDIUM)));
        assertThat(failing(elements(medium.getDocumentElement(), "testsuite").get(1)))
                .containsExactly("client-auto-approve");
        Document never =
                parse(
                        ReportFixtures.render(
                                ReportFormat.JUNIT, ReportFixtures.sample(), failOn(null)));
        assertThat(never.getElementsByTagName("failure").getLength()).isZero();
        assertThat(
                        elements(never.getDocumentElement(), "testsuite")
                                .get(0)
                                .getElementsByTagName("property")
                                .item(1)
                                .getAttributes()
                                .getNamedItem("value")
                                .getNodeValue())
                .isEqualTo("never");
    }

    @Test
    void severalFindingsOfOneChecklistInOneFile_areOneFailureListingAll() throws Exception {
        ScanResult twice =
                ReportFixtures.withFindings(
                        List.of(
                                ReportFixtures.finding(
                                        "MCP-DB-001",
                                        "dev-database",
                                        Severity.HIGH,
                                        "t",
                                        "first database",
                                        ".mcp.json",
                                        3,
                                        1,
                                        "a",
                                        null,
                                        "fix a"),
                                ReportFixtures.finding(
                                        "MCP-DB-002",
                                        "dev-database",
                                        Severity.CRITICAL,
                                        "t",
                                        "second database",
                                        ".mcp.json",
                                        9,
                                        1,
                                        "b",
                                        null,
                                        "fix b")));
        Document doc =
                parse(ReportFixtures.render(ReportFormat.JUNIT, twice, failOn(Severity.HIGH)));
        NodeList failures = doc.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element failure = (Element) failures.item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("critical");
        assertThat(failure.getAttribute("message")).startsWith("2 findings, worst critical");
        assertThat(failure.getTextContent()).contains("first database", "second database");
    }

    @Test
    void hostileText_staysWellFormedAndValid() throws Exception {
        ScanResult hostile =
                ReportFixtures.withFindings(
                        List.of(
                                ReportFixtures.finding(
                                        "MCP-X-001",
                                        "x",
                                        Severity.HIGH,
                                        "t",
                                        "bell \u0007 and ]]> and <tag> & \"quotes\"",
                                        ".mcp.json",
                                        1,
                                        1,
                                        "s\u0000",
                                        null,
                                        null)));
        String xml = ReportFixtures.render(ReportFormat.JUNIT, hostile, failOn(Severity.HIGH));
        assertThat(parse(xml).getElementsByTagName("failure").item(0).getTextContent())
                .contains("bell \uFFFD and ]]> and <tag> & \"quotes\"");
    }

    @Test
    void theXsd_rejectsAReportWithoutTheRequiredParts() {
        // proves the validation used on every JUnit report can fail
        assertThat(ReportSchemas.junitViolation("<testsuites><testsuite name=\"x\"/></testsuites>"))
                .isNotNull();
        assertThat(
                        ReportSchemas.junitViolation(
                                ReportFixtures.render(ReportFormat.JUNIT, ReportFixtures.sample())))
                .isNull();
    }

    private static List<String> failing(Element suite) {
        List<String> names = new ArrayList<>();
        for (Element c : elements(suite, "testcase")) {
            if (c.getElementsByTagName("failure").getLength() > 0) {
                names.add(c.getAttribute("name"));
            }
        }
        return names;
    }

    private static List<Element> elements(Element parent, String tag) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
