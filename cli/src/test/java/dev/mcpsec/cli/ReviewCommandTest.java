package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpsec.api.ReviewEntry;
import dev.mcpsec.api.ReviewStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {
    @TempDir Path dir;

    private final FakeEngine engine = new FakeEngine();

    @Test
    void add_recordsTheGivenReviewer() {
        Cli.Run run =
                new Cli(engine, dir)
                        .variable("USER", "someone-else")
                        .run(
                                "review",
                                "add",
                                "stripe",
                                "--reviewer",
                                "Ada",
                                "--note",
                                "read the source");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(engine.reviewer).isEqualTo("Ada");
        assertThat(run.out()).contains("recorded review of stripe (@stripe/mcp@1.2.3) by Ada");
    }

    @Test
    void add_fallsBackToTheUserVariable() {
        new Cli(engine, dir).variable("USER", "ci-bot").run("review", "add", "stripe");

        assertThat(engine.reviewer).isEqualTo("ci-bot");
    }

    @Test
    void addWithoutReviewerOrUser_isAUsageError() {
        Cli.Run run = new Cli(engine, dir).run("review", "add", "stripe");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("give --reviewer NAME");
        assertThat(engine.requests).isEmpty();
    }

    @Test
    void add_usesThePathFlagAsTheProject() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));

        new Cli(engine, dir)
                .run("review", "add", "stripe", "--reviewer", "Ada", "--path", "project");

        assertThat(engine.lastRequest().root()).isEqualTo(project);
    }

    @Test
    void list_showsEachServersState() {
        engine.statuses.add(
                new ReviewStatus(
                        "stripe",
                        ".mcp.json",
                        "changed",
                        new ReviewEntry(
                                "stripe",
                                "@stripe/mcp",
                                "1.0.0",
                                null,
                                null,
                                null,
                                "Ada",
                                "2025-01-02",
                                null),
                        "@stripe/mcp@1.2.3"));
        engine.statuses.add(
                new ReviewStatus("fs", ".cursor/mcp.json", "unreviewed", null, "mcp-fs@0.3.0"));

        Cli.Run run = new Cli(engine, dir).run("review", "list");

        assertThat(run.code()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        "SERVER  STATE       LAUNCHES           REVIEWED           BY   ON          FILE",
                        "stripe  changed     @stripe/mcp@1.2.3  @stripe/mcp@1.0.0  Ada  2025-01-02  .mcp.json",
                        "fs      unreviewed  mcp-fs@0.3.0       -                  -    -           .cursor/mcp.json");
    }

    @Test
    void listAsJson_carriesTheReviewRecord() throws Exception {
        engine.statuses.add(
                new ReviewStatus(
                        "stripe",
                        ".mcp.json",
                        "reviewed",
                        new ReviewEntry(
                                "stripe",
                                "@stripe/mcp",
                                "1.2.3",
                                null,
                                null,
                                null,
                                "Ada",
                                "2025-01-02",
                                "ok"),
                        "@stripe/mcp@1.2.3"));

        JsonNode json =
                new ObjectMapper()
                        .readTree(new Cli(engine, dir).run("review", "list", "-f", "json").out());

        assertThat(json.get(0).get("state").asText()).isEqualTo("reviewed");
        assertThat(json.get(0).get("review").get("reviewer").asText()).isEqualTo("Ada");
    }

    @Test
    void reviewWithoutSubcommand_isAUsageError() {
        Cli.Run run = new Cli(engine, dir).run("review");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("review add SERVER");
    }
}
