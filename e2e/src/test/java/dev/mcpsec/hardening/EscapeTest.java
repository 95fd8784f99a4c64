package dev.mcpsec.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.SafeText;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.report.ReportFormat;
import dev.mcpsec.report.ReportOptions;
import dev.mcpsec.report.Reporters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw control characters (terminal escape sequences, newlines that forge log lines) and
 * bidirectional overrides in server names and in {@code .mcpsec/config.json} errors are shown
 * escaped in every text channel, never obeyed.
 */
class EscapeTest {
    private static final String ESC = "\u001b[2J\u001b]0;owned\u0007";
    private static final String BIDI = "\u202e\u2066";
    private static final String NAME = "evil" + ESC + BIDI + "\nmcpsec: 0 findings";

    @TempDir Path tmp;

    @Test
    void serverNamesWithControlAndBidiCharacters_areEscapedInTextMarkdownHtmlAndWarnings()
            throws Exception {
        Tree t = new Tree(tmp);
        // no command and no url: the scan warns about the server by name; the filesystem server
        // gets a finding
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{"
                        + json(NAME)
                        + ":{\"args\":[\"x\"]},"
                        + json(NAME + "fs")
                        + ":{\"command\":\"npx\",\"args\":[\"-y\","
                        + "\"@modelcontextprotocol/server-filesystem@2025.1.14\",\"/\"]}}}");

        ScanResult result = Mcpsec.create().scan(t.request().build());

        assertThat(result.warnings()).isNotEmpty();
        assertThat(result.findings()).isNotEmpty();
        for (ReportFormat format :
                new ReportFormat[] {ReportFormat.TEXT, ReportFormat.MARKDOWN, ReportFormat.HTML}) {
            for (boolean verbose : new boolean[] {false, true}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Reporters.get(format).write(result, out, new ReportOptions(false, verbose, null));
                String text = out.toString(StandardCharsets.UTF_8);
                assertThat(text).as(format + " names the server").contains("evil");
                assertNoRawUnsafe(format.toString(), text.replace("\n", "").replace("\t", ""));
            }
        }
        result.warnings().forEach(w -> assertNoRawUnsafe("warning", w.toString()));
    }

    @Test
    void configErrorsHoldingControlCharacters_printEscaped() {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", "{\"mcpServers\":{}}");
        t.write(
                ".mcpsec/config.json",
                "{" + json("k" + ESC + BIDI + "\n[INFO] BUILD SUCCESS") + ": 1}");

        Throwable thrown = catchThrowable(() -> Mcpsec.create().scan(t.request().build()));

        assertThat(thrown).isInstanceOf(ConfigurationException.class);
        assertThat(thrown.getMessage())
                .contains("\u001b"); // the engine reports the key as written ...
        assertNoRawUnsafe(
                "config error",
                SafeText.escape(thrown.getMessage())); // ... every channel escapes it
        assertThat(SafeText.escape(thrown.getMessage()))
                .contains("\\u001b[2J", "\\u202e", "\\u000a[INFO]");
    }

    private static void assertNoRawUnsafe(String channel, String text) {
        for (int i = 0; i < text.length(); i++) {
            assertThat(SafeText.isUnsafe(text.charAt(i)))
                    .as(
                            "%s holds raw U+%04X near: %s",
                            channel,
                            (int) text.charAt(i),
                            text.substring(Math.max(0, i - 20), i).replaceAll("\\p{Cntrl}", "?"))
                    .isFalse();
        }
    }

    private static String json(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            b.append(
                    c < 0x20 || c > 0x7e
                            ? String.format("\\u%04x", (int) c)
                            : c == '"' ? "\\\"" : String.valueOf(c));
        }
        return b.append('"').toString();
    }
}
