package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {
    @TempDir Path dir;

    private final FakeEngine engine = new FakeEngine().finding(Severity.HIGH).finding(Severity.LOW);

    @Test
    void baseline_writesIntoTheProjectsMcpsecFolderByDefault() {
        Cli.Run run = new Cli(engine, dir).run("baseline");

        assertThat(run.code()).isZero();
        assertThat(engine.baselineFile).isEqualTo(dir.resolve(".mcpsec/baseline.json"));
        assertThat(run.out().trim())
                .isEqualTo("mcpsec: wrote 2 entries to " + Path.of(".mcpsec", "baseline.json"));
    }

    @Test
    void baselineFlag_choosesTheFile() {
        new Cli(engine, dir).run("baseline", "--baseline", "accepted.json", "--no-history");

        assertThat(engine.baselineFile).isEqualTo(dir.resolve("accepted.json"));
        assertThat(engine.lastRequest().history()).isFalse();
    }
}
