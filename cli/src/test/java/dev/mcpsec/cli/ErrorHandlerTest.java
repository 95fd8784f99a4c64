package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.PolicyException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorHandlerTest {
    @TempDir Path dir;

    private Cli.Run scanFailingWith(RuntimeException e, String... extra) {
        String[] args = new String[extra.length + 1];
        args[0] = "scan";
        System.arraycopy(extra, 0, args, 1, extra.length);
        return new Cli(new FakeEngine().failingWith(e), dir).run(args);
    }

    @Test
    void configurationException_exits2AndNamesTheFlagToChange() {
        Cli.Run run =
                scanFailingWith(
                        new ConfigurationException("bundle", "bundle path x does not exist"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "mcpsec: bundle path x does not exist (check --bundle)"
                                + System.lineSeparator());
    }

    @Test
    void configurationException_printsControlAndBidiCharactersEscaped() {
        Cli.Run run =
                scanFailingWith(
                        new ConfigurationException(
                                "config",
                                ".mcpsec/config.json: unknown key \"k\u001b[2J\u202e\n[INFO] ok\""));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .doesNotContain("\u001b", "\u202e")
                .contains("k\\u001b[2J\\u202e\\u000a[INFO] ok");
    }

    @Test
    void configurationExceptionOfAProjectSetting_exits2WithTheEngineMessageAlone() {
        Cli.Run run =
                scanFailingWith(
                        new ConfigurationException(
                                "severity", ".mcpsec/config.json:3: bad severity"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().trim()).isEqualTo("mcpsec: .mcpsec/config.json:3: bad severity");
    }

    @Test
    void policyException_exits2ListingEachProblem() {
        Cli.Run run =
                scanFailingWith(
                        new PolicyException(
                                "bundle acme does not compile",
                                List.of(
                                        "acme.drl:3:5: unknown fact Servr",
                                        "acme.drl:9:1: missing @severity")));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "mcpsec: bundle acme does not compile",
                        "acme.drl:3:5: unknown fact Servr",
                        "acme.drl:9:1: missing @severity");
    }

    @Test
    void unexpectedException_exits3WithOneLineAndTheDebugHint() {
        Cli.Run run = scanFailingWith(new IllegalStateException("session broke\nsecond line"));

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err().trim())
                .isEqualTo(
                        "mcpsec: internal error: IllegalStateException: session broke (run with --debug for details)");
    }

    @Test
    void unexpectedExceptionWithDebug_printsTheStackTrace() {
        Cli.Run run = scanFailingWith(new IllegalStateException("session broke"), "--debug");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err())
                .contains("mcpsec: internal error: IllegalStateException: session broke")
                .doesNotContain("run with --debug")
                .contains("\tat ");
    }

    @Test
    void configurationExceptionWithoutDebug_hasNoStackTrace() {
        Cli.Run run =
                scanFailingWith(
                        new ConfigurationException(
                                "baseline", "baseline file b.json does not exist"));

        assertThat(run.err()).doesNotContain("\tat ").contains("(check --baseline)");
    }

    @Test
    void exceptionWithoutAMessage_isNamedByItsType() {
        Cli.Run run = scanFailingWith(new NullPointerException());

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("internal error: NullPointerException (run with --debug");
    }
}
