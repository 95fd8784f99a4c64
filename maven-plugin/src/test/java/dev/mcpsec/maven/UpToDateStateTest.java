package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept run is reused only under the same key and with every report it wrote unchanged. */
class UpToDateStateTest {
    @TempDir Path dir;

    private UpToDateState kept() throws IOException {
        Path json = Files.writeString(dir.resolve("mcpsec.json"), "{\"findings\":[]}");
        Path sarif = Files.writeString(dir.resolve("mcpsec.sarif"), "{\"runs\":[]}");
        UpToDateState state =
                new UpToDateState(
                        "k1",
                        "2026-11-26T16:00:00Z",
                        2,
                        1,
                        "mcpsec: 1 finding at or above <failOn>high</failOn>",
                        List.of("ERROR .mcp.json:7: [critical] x", "WARN .mcp.json:4: [low] y"),
                        List.of(UpToDateState.reportEntry(json), UpToDateState.reportEntry(sarif)));
        state.write(dir);
        return state;
    }

    @Test
    void writtenState_readsBackAndIsReusableUnderItsKey() throws IOException {
        UpToDateState state = kept();

        UpToDateState read = UpToDateState.read(dir).orElseThrow();

        assertThat(read).isEqualTo(state);
        assertThat(read.reusable("k1", dir)).isTrue();
    }

    @Test
    void anotherKey_isNotReusable() throws IOException {
        kept();
        assertThat(UpToDateState.read(dir).orElseThrow().reusable("k2", dir)).isFalse();
    }

    @Test
    void anEditedReport_isNotReusable() throws IOException {
        kept();
        Files.writeString(dir.resolve("mcpsec.sarif"), "{\"runs\":[{}]}");
        assertThat(UpToDateState.read(dir).orElseThrow().reusable("k1", dir)).isFalse();
    }

    @Test
    void aDeletedReport_isNotReusable() throws IOException {
        kept();
        Files.delete(dir.resolve("mcpsec.json"));
        assertThat(UpToDateState.read(dir).orElseThrow().reusable("k1", dir)).isFalse();
    }

    @Test
    void deletedState_isGone() throws IOException {
        kept();
        UpToDateState.delete(dir);
        assertThat(UpToDateState.read(dir)).isEmpty();
    }
}
