package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanCommandTest {
    private static final String ESC = "\u001b[";

    @TempDir Path dir;

    private final FakeEngine engine = new FakeEngine();

    private Cli cli() {
        return new Cli(engine, dir);
    }

    @Test
    void unknownFormat_isAUsageErrorNamingTheAllowedFormats() {
        Cli.Run run = cli().run("scan", "--format", "xml");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains("'xml' is not a report format", "text, json, sarif, markdown, html");
        assertThat(engine.requests).as("no scan for a bad flag").isEmpty();
    }

    @Test
    void badFailOn_isAUsageErrorNamingTheAllowedValues() {
        Cli.Run run = cli().run("scan", "--fail-on", "severe");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("'severe'", "critical, high, medium, low, info, never");
        assertThat(engine.requests).isEmpty();
    }

    @Test
    void missingPath_isAUsageError() {
        Cli.Run run = cli().run("scan", "no-such-dir");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("mcpsec: path does not exist: no-such-dir" + System.lineSeparator());
        assertThat(engine.requests).isEmpty();
    }

    @Test
    void pathThatIsAFile_isAUsageError() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{}");

        Cli.Run run = cli().run("scan", "a.json");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("not a directory: a.json");
    }

    @Test
    void pathDefaultsToTheWorkingDirectory() {
        cli().run("scan");

        assertThat(engine.lastRequest().root()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @ParameterizedTest(name = "{0} finding with --fail-on {1} exits {2}")
    @CsvSource({
        "critical, high, 1",
        "high, high, 1",
        "medium, high, 0",
        "info, info, 1",
        "critical, never, 0",
        "low, medium, 0",
    })
    void exitCode_followsTheFailOnThreshold(String severity, String failOn, int expected) {
        engine.finding(Severity.parse(severity));

        Cli.Run run = cli().run("scan", "--fail-on", failOn);

        assertThat(run.code()).as(run.toString()).isEqualTo(expected);
    }

    @Test
    void noFindings_exitsZeroWithTheDefaultThreshold() {
        assertThat(cli().run("scan").code()).isZero();
    }

    @Test
    void jsonOnStdout_isTheOnlyThingOnStdout_evenOnATerminal() throws Exception {
        engine.finding(Severity.HIGH);

        Cli.Run run = cli().terminal().run("scan", "--format", "json");

        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("findings")).hasSize(1);
        assertThat(run.out()).doesNotContain(ESC);
        assertThat(run.err()).contains("mcpsec: scanning", "1 finding (1 high)");
    }

    @Test
    void progress_goesToStderrOnlyOnATerminal() {
        Cli.Run piped = cli().run("scan", "--format", "sarif");
        Cli.Run terminal = cli().terminal().run("scan", "--format", "sarif");

        assertThat(piped.err()).doesNotContain("scanning");
        assertThat(terminal.err()).contains("mcpsec: scanning");
    }

    @Test
    void quiet_silencesProgressAndSummary() {
        engine.finding(Severity.HIGH);

        Cli.Run run = cli().terminal().run("scan", "--format", "json", "--quiet");

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isEqualTo(1);
    }

    @Test
    void textOnATerminal_isColoured() {
        engine.finding(Severity.CRITICAL);

        assertThat(cli().terminal().run("scan").out()).contains(ESC);
    }

    @Test
    void noColorVariable_turnsColourOff_whateverItsValue() {
        engine.finding(Severity.CRITICAL);

        assertThat(cli().terminal().variable("NO_COLOR", "").run("scan").out()).doesNotContain(ESC);
        assertThat(cli().terminal().variable("NO_COLOR", "0").run("scan").out())
                .doesNotContain(ESC);
    }

    @Test
    void noColorFlag_turnsColourOff() {
        engine.finding(Severity.CRITICAL);

        assertThat(cli().terminal().run("scan", "--no-color").out()).doesNotContain(ESC);
    }

    @Test
    void textWithoutATerminal_isNotColoured() {
        engine.finding(Severity.CRITICAL);

        assertThat(cli().run("scan").out()).doesNotContain(ESC).contains("something is wrong");
    }

    @Test
    void severalFormatsWithoutOutput_isAUsageError() {
        Cli.Run run = cli().run("scan", "--format", "json,sarif");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("give --output DIR");
        assertThat(engine.requests).isEmpty();
    }

    @Test
    void severalFormatsWithOutput_writeOneFilePerFormatIntoADirectory() throws Exception {
        engine.finding(Severity.LOW);

        Cli.Run run =
                cli().terminal()
                        .run(
                                "scan",
                                "--format",
                                "json,sarif",
                                "--format",
                                "markdown",
                                "--output",
                                "reports");

        assertThat(run.code()).as(run.toString()).isZero();
        Path reports = dir.resolve("reports");
        assertThat(reports.resolve("mcpsec.json")).isRegularFile();
        assertThat(reports.resolve("mcpsec.sarif")).isRegularFile();
        assertThat(reports.resolve("mcpsec.md")).isRegularFile();
        assertThat(Files.readString(reports.resolve("mcpsec.sarif"))).contains("2.1.0");
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("wrote reports/mcpsec.json, reports/mcpsec.sarif, reports/mcpsec.md");
    }

    @Test
    void severalFormatsWithAnOutputThatIsAFile_isAUsageError() throws Exception {
        Files.writeString(dir.resolve("taken"), "");

        Cli.Run run = cli().run("scan", "--format", "json,html", "--output", "taken");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--output taken is a file");
    }

    @Test
    void oneFormatWithOutput_writesThatFileWithoutColour() throws Exception {
        engine.finding(Severity.CRITICAL);

        Cli.Run run = cli().terminal().run("scan", "--output", "out/report.txt");

        assertThat(run.code()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("out/report.txt")))
                .contains("something is wrong")
                .doesNotContain(ESC);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void oneFormatWithAnExistingDirectory_writesMcpsecDotExtInIt() throws Exception {
        Files.createDirectory(dir.resolve("reports"));

        cli().run("scan", "--format", "html", "--output", "reports");

        assertThat(dir.resolve("reports/mcpsec.html")).isRegularFile();
    }

    @Test
    void flags_reachTheScanRequest() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("org-bundle"));

        cli().run(
                        "scan",
                        "--user",
                        "--no-history",
                        "--project-policies",
                        "--bundle",
                        "./org-bundle",
                        "--bundle",
                        "com.acme:policies:1.0",
                        "--exclude-rule",
                        "MCP-001",
                        "--exclude-rule",
                        "npx-unpinned",
                        "--include-rule",
                        "stripe-test-keys",
                        "--baseline",
                        "accepted.json");

        ScanRequest request = engine.lastRequest();
        assertThat(request.includeUser()).isTrue();
        assertThat(request.home()).isEqualTo(dir.resolve("home"));
        assertThat(request.history()).isFalse();
        assertThat(request.projectPolicies()).isTrue();
        assertThat(request.bundles()).containsExactly(bundle.toString(), "com.acme:policies:1.0");
        assertThat(request.excludeRules()).containsExactlyInAnyOrder("MCP-001", "npx-unpinned");
        assertThat(request.includeRules()).containsExactly("stripe-test-keys");
        assertThat(request.baseline()).isEqualTo(dir.resolve("accepted.json"));
    }

    @Test
    void systemFlag_readsManagedFilesFromTheMachineRoot() {
        cli().run("scan", "--system", "--no-history");

        // the fake engine scans nothing: only the request is checked, no real file is read
        assertThat(engine.lastRequest().systemRoot())
                .isEqualTo(ScanRequest.machineRoot(java.util.Map.of()));
        assertThat(ScanRequest.machineRoot(java.util.Map.of())).isEqualTo(Path.of("/"));
        assertThat(ScanRequest.machineRoot(java.util.Map.of("SystemDrive", "C:")).toString())
                .startsWith("C:");
    }

    @Test
    void defaults_leaveUserScopeOffAndHistoryOn() {
        cli().run("scan");

        ScanRequest request = engine.lastRequest();
        assertThat(request.includeUser()).isFalse();
        assertThat(request.systemRoot()).as("no system-wide files without --system").isNull();
        assertThat(request.history()).isTrue();
        assertThat(request.projectPolicies()).isFalse();
        assertThat(request.bundles()).isEmpty();
        assertThat(request.baseline()).isNull();
    }

    @Test
    void pinnedBundlePath_keepsItsPinAndIsResolved() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("b"));

        cli().run("scan", "--bundle", "./b#sha256=abc");

        assertThat(engine.lastRequest().bundles()).containsExactly(bundle + "#sha256=abc");
    }

    @Test
    void bundleSpecNotWrittenAsAPath_passesThroughEvenWhenAFolderHasThatName() throws Exception {
        Files.createDirectories(dir.resolve("com.acme:policies:1.0"));
        Files.createDirectories(dir.resolve("org-bundle"));

        cli().run("scan", "--bundle", "com.acme:policies:1.0", "--bundle", "org-bundle");

        assertThat(engine.lastRequest().bundles())
                .containsExactly("com.acme:policies:1.0", "org-bundle");
    }
}
