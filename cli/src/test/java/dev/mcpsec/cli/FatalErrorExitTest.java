package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 5: running out of memory or stack, or a scan that blocks past its time budget, is
 * exit 3 with one clear line, a stack trace only with --debug.
 */
class FatalErrorExitTest {
    @TempDir Path dir;

    private Cli.Run scanThrowing(Error e, String... extra) {
        FakeEngine engine = new FakeEngine();
        engine.error = e;
        String[] args = new String[extra.length + 1];
        args[0] = "scan";
        System.arraycopy(extra, 0, args, 1, extra.length);
        return new Cli(engine, dir).run(args);
    }

    @Test
    void outOfMemory_exits3WithoutAStackTrace() {
        Cli.Run run = scanThrowing(new OutOfMemoryError("Java heap space"));

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err())
                .startsWith("mcpsec: internal error: out of memory")
                .contains("--limit", "--debug")
                .doesNotContain("\tat ", "Exception in thread");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void stackOverflow_exits3WithoutAStackTrace() {
        Cli.Run run = scanThrowing(new StackOverflowError());

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err())
                .startsWith("mcpsec: internal error: stack overflow")
                .doesNotContain("\tat ");
    }

    @Test
    void outOfMemory_withDebug_showsTheStackTrace() {
        Cli.Run run = scanThrowing(new OutOfMemoryError("Java heap space"), "--debug");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("java.lang.OutOfMemoryError", "\tat ");
    }

    @Test
    void aScanThatBlocksPastItsBudget_isEndedByTheWatchdog() {
        assertThatThrownBy(
                        () ->
                                Watchdog.call(
                                        () -> {
                                            Thread.sleep(60_000);
                                            return 1;
                                        },
                                        Duration.ofMillis(200),
                                        "the scan"))
                .isInstanceOf(Watchdog.Expired.class)
                .hasMessageContaining("the scan did not finish within");
        assertThat(Watchdog.call(() -> 7, Duration.ofSeconds(30), "the scan")).isEqualTo(7);
        assertThat(Watchdog.limitFor(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(11));
        assertThat(Watchdog.limitFor(Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anExpiredWatchdog_exits3WithOneLine() {
        FakeEngine engine =
                new FakeEngine()
                        .failingWith(new Watchdog.Expired("the scan did not finish within 30 s"));

        Cli.Run run = new Cli(engine, dir).run("scan");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err().trim())
                .isEqualTo("mcpsec: internal error: the scan did not finish within 30 s");
    }
}
