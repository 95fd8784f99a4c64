package dev.mcpsec.report;

import static dev.mcpsec.report.ReportSupport.orEmpty;

import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, the format CI test views read (Jenkins' JUnit plugin, GitLab's {@code
 * artifacts:reports:junit}, Azure Pipelines' PublishTestResults). One {@code <testsuite>} per
 * scanned file, one {@code <testcase>} per checklist id in it: a test case fails when the file has
 * findings of that checklist id at or above the fail threshold ({@link ReportOptions#failOn()});
 * findings below it pass and are listed in the suite's {@code <system-out>}. A file that could not
 * be parsed has one more test case, {@code parse}, in error. Suppressed findings are not reported.
 * Valid against the common JUnit XSD (Apache Ant's format), which allows one failure per test case:
 * several findings of one checklist id in one file are one failure that lists them all.
 */
final class JunitReporter implements Reporter {

    static final JunitReporter INSTANCE = new JunitReporter();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private JunitReporter() {}

    @Override
    public void write(ScanResult result, OutputStream out, ReportOptions options)
            throws IOException {
        String timestamp =
                TIMESTAMP.format(options.finishedAtOrNow().truncatedTo(ChronoUnit.SECONDS));
        Severity threshold = options.failOn();
        List<String> checklists = checklists(result);
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        Map<String, String> parseErrors = new LinkedHashMap<>();
        for (FileSummary f : orEmpty(result.files())) {
            byFile.put(f.file(), new ArrayList<>());
            if (f.error() != null) {
                parseErrors.put(f.file(), f.error());
            }
        }
        for (Finding f : orEmpty(result.findings())) {
            byFile.computeIfAbsent(
                            f.file() == null ? ReportSupport.NO_FILE : f.file(),
                            k -> new ArrayList<>())
                    .add(f);
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            // the JDK's own StAX writer, whatever else is on the class path (a library's writer
            // formats differently)
            XMLStreamWriter xml =
                    XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(writer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeCharacters("\n");
            int id = 0;
            for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
                suite(
                        xml,
                        id++,
                        e.getKey(),
                        e.getValue(),
                        checklists,
                        parseErrors.get(e.getKey()),
                        threshold,
                        timestamp,
                        ReportSupport.version(result, options));
            }
            if (!orEmpty(result.warnings()).isEmpty()) {
                warnings(
                        xml,
                        id,
                        result.warnings(),
                        threshold,
                        timestamp,
                        ReportSupport.version(result, options));
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IOException("could not write the JUnit XML report: " + e.getMessage(), e);
        }
    }

    /** The checklist ids of the rules that ran, plus those of findings from elsewhere, sorted. */
    private static List<String> checklists(ScanResult result) {
        TreeSet<String> ids = new TreeSet<>();
        for (RuleInfo r : orEmpty(result.rules())) {
            if (r.checklist() != null && !r.checklist().isBlank()) {
                ids.add(r.checklist());
            }
        }
        for (Finding f : orEmpty(result.findings())) {
            ids.add(checklistOf(f));
        }
        return List.copyOf(ids);
    }

    private static String checklistOf(Finding f) {
        return f.checklist() == null || f.checklist().isBlank() ? f.ruleId() : f.checklist();
    }

    /**
     * The scan's warnings (a limit hit, an exclude that leaves out most configs) as one passing
     * test case of a suite of their own, listed in its {@code <system-err>}: a CI test view then
     * shows them even when no config was read.
     */
    private static void warnings(
            XMLStreamWriter xml,
            int id,
            List<ScanWarning> warnings,
            Severity threshold,
            String timestamp,
            String version)
            throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("package", "mcpsec");
        xml.writeAttribute("id", Integer.toString(id));
        xml.writeAttribute("name", "mcpsec scan warnings");
        xml.writeAttribute("timestamp", timestamp);
        xml.writeAttribute("hostname", "localhost");
        xml.writeAttribute("tests", "1");
        xml.writeAttribute("failures", "0");
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", "0");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "mcpsec.version", version);
        property(xml, "mcpsec.failOn", threshold == null ? "never" : threshold.id());
        xml.writeEndElement();
        testcase(xml, "mcpsec scan warnings", "warnings");
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters("");
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-err");
        StringBuilder text = new StringBuilder();
        for (ScanWarning w : warnings) {
            text.append(w).append('\n');
        }
        xml.writeCharacters(clean(text.toString()));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void suite(
            XMLStreamWriter xml,
            int id,
            String file,
            List<Finding> findings,
            List<String> checklists,
            String parseError,
            Severity threshold,
            String timestamp,
            String version)
            throws XMLStreamException {
        int failures = 0;
        List<String> below = new ArrayList<>();
        Map<String, List<Finding>> failing = new LinkedHashMap<>();
        for (String checklist : checklists) {
            List<Finding> atOrAbove =
                    findings.stream()
                            .filter(f -> checklistOf(f).equals(checklist))
                            .filter(f -> threshold != null && f.severity().atLeast(threshold))
                            .toList();
            if (!atOrAbove.isEmpty()) {
                failures++;
                failing.put(checklist, atOrAbove);
            }
        }
        for (Finding f : findings) {
            if (threshold == null || !f.severity().atLeast(threshold)) {
                below.add(line(f));
            }
        }
        int tests = checklists.size() + (parseError == null ? 0 : 1);
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("package", "mcpsec");
        xml.writeAttribute("id", Integer.toString(id));
        xml.writeAttribute("name", clean(file));
        xml.writeAttribute("timestamp", timestamp);
        xml.writeAttribute("hostname", "localhost");
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", Integer.toString(parseError == null ? 0 : 1));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", "0");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "mcpsec.version", version);
        property(xml, "mcpsec.failOn", threshold == null ? "never" : threshold.id());
        xml.writeEndElement();
        if (parseError != null) {
            testcase(xml, file, "parse");
            xml.writeStartElement("error");
            xml.writeAttribute("type", "parse-error");
            xml.writeAttribute("message", clean(parseError));
            xml.writeCharacters(clean(file + ": " + parseError));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        for (String checklist : checklists) {
            testcase(xml, file, checklist);
            List<Finding> list = failing.get(checklist);
            if (list != null) {
                Finding worst =
                        list.stream()
                                .min((a, b) -> a.severity().compareTo(b.severity()))
                                .orElseThrow();
                xml.writeStartElement("failure");
                xml.writeAttribute("type", worst.severity().id());
                xml.writeAttribute(
                        "message",
                        clean(
                                list.size() == 1
                                        ? worst.message()
                                        : list.size()
                                                + " findings, worst "
                                                + worst.severity().id()
                                                + ": "
                                                + worst.message()));
                StringBuilder text = new StringBuilder();
                for (Finding f : list) {
                    text.append(line(f)).append('\n');
                    if (f.remediation() != null && !f.remediation().isBlank()) {
                        text.append("  fix: ").append(f.remediation()).append('\n');
                    }
                }
                xml.writeCharacters(clean(text.toString()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(clean(below.isEmpty() ? "" : String.join("\n", below) + "\n"));
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("system-err");
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void testcase(XMLStreamWriter xml, String file, String name)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", clean(name));
        xml.writeAttribute("classname", clean(file));
        xml.writeAttribute("time", "0");
    }

    private static void property(XMLStreamWriter xml, String name, String value)
            throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    /**
     * One finding on one line: {@code [high] .mcp.json:7:30 server stripe MCP-DB-001 message
     * (commit abc1234)}.
     */
    private static String line(Finding f) {
        StringBuilder s =
                new StringBuilder()
                        .append('[')
                        .append(f.severity().id())
                        .append("] ")
                        .append(f.file() == null ? ReportSupport.NO_FILE : f.file());
        if (f.line() > 0) {
            s.append(':').append(f.line());
            if (f.column() > 0) {
                s.append(':').append(f.column());
            }
        }
        if (f.server() != null) {
            s.append(" server ").append(f.server());
        }
        s.append(' ').append(f.ruleId()).append(' ').append(f.message());
        if (f.commit() != null) {
            s.append(" (commit ").append(ReportSupport.shortCommit(f.commit())).append(')');
        }
        return s.toString();
    }

    /**
     * XML 1.0 cannot carry most control characters: config values are hostile input, so they become
     * U+FFFD.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok =
                    c == '\t'
                            || c == '\n'
                            || c == '\r'
                            || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || Character.isSurrogate(c);
            s.append(ok ? c : '\uFFFD');
        }
        return s.toString();
    }
}
