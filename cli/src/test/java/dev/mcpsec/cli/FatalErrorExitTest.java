package dev.mcpsec.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11 item 5: running out of memory or stack is exit 3 with one clear line, a stack trace only with --debug. */
class FatalErrorExitTest {
    @TempDir
    Path dir;

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
        assertThat(run.err()).startsWith("mcpsec: internal error: out of memory").contains("--limit", "--debug")
                .doesNotContain("\tat ", "Exception in thread");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void stackOverflow_exits3WithoutAStackTrace() {
        Cli.Run run = scanThrowing(new StackOverflowError());

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).startsWith("mcpsec: internal error: stack overflow").doesNotContain("\tat ");
    }

    @Test
    void outOfMemory_withDebug_showsTheStackTrace() {
        Cli.Run run = scanThrowing(new OutOfMemoryError("Java heap space"), "--debug");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("java.lang.OutOfMemoryError", "\tat ");
    }
}
