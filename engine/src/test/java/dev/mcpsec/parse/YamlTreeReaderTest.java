package dev.mcpsec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** YAML anchors, aliases and merge keys resolve as YAML loaders resolve them, within bounds. */
class YamlTreeReaderTest {
    private static ReadResult read(String yaml) {
        return PositionalReader.read(
                yaml.getBytes(StandardCharsets.UTF_8), "yaml", ScanLimits.defaults());
    }

    @Test
    void aliasesAndMergeKeys_resolveWithTheMappingsOwnKeysWinning() {
        ReadResult r =
                read(
                        """
                base: &b {A: one, B: two}
                other: &o {B: other, C: three}
                x:
                  <<: [*b, *o]
                  A: own
                y: *b
                """);
        assertThat(r.error()).isNull();
        PNode x = r.root().get("x");
        assertThat(x.get("A").text()).isEqualTo("own");
        assertThat(x.get("B").text())
                .isEqualTo("two"); // the first merged mapping wins over the later one
        assertThat(x.get("C").text()).isEqualTo("three");
        assertThat(r.root().path("y", "B").text()).isEqualTo("two");
    }

    @Test
    void nullsAndPositions() {
        ReadResult r = read("a: ~\nb:\n  c: d\n");
        assertThat(r.root().get("a").text()).isNull();
        assertThat(r.root().path("b", "c").line()).isEqualTo(3);
        assertThat(r.root().path("b", "c").column()).isEqualTo(6);
    }

    @Test
    void recursiveAliasesAndAliasBombs_areErrorsNotHangs() {
        assertThat(read("a: &a [*a]\n").error()).isNotNull();
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(9))
                    .append("*a")
                    .append(i - 1)
                    .append("]\n");
        }
        assertThat(read(bomb.toString()).error()).isNotNull();
    }

    @Test
    void secondDocument_isAWarning() {
        ReadResult r = read("a: 1\n---\nb: 2\n");
        assertThat(r.root().get("a").text()).isEqualTo("1");
        assertThat(r.warnings())
                .anyMatch(w -> w.contains("content after the first document ignored"));
    }
}
