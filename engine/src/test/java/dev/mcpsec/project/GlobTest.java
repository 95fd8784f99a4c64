package dev.mcpsec.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Glob} agrees with the JDK's glob matcher, in time linear in path times pattern. */
class GlobTest {
    private static final List<String> PATTERNS =
            List.of(
                    "**",
                    "*",
                    "*.json",
                    "**/*.json",
                    "vendor/**",
                    "a/*/c",
                    "a/**/c",
                    "**/.mcp.json",
                    "?.json",
                    "[abc].json",
                    "[!abc].json",
                    "[a-c]x",
                    "{a,b}/*.json",
                    "{x,y,z}",
                    "a{b,c}d{e,f}",
                    "\\*.json",
                    "**a**b",
                    "*a*",
                    ".cursor/mcp.json",
                    "p[0-9]/**",
                    "a/**/b/**/c");
    private static final List<String> PATHS =
            List.of(
                    "",
                    "a",
                    "a.json",
                    ".mcp.json",
                    "x/.mcp.json",
                    "vendor",
                    "vendor/x/.mcp.json",
                    "a/b/c",
                    "a/c",
                    "a/b/b/c",
                    "b.json",
                    "d.json",
                    "ax",
                    "dx",
                    "a/x.json",
                    "x",
                    "abdf",
                    "acde",
                    "*.json",
                    "xab",
                    "aab/b",
                    ".cursor/mcp.json",
                    "p3/q/.mcp.json",
                    "a/b/c/d",
                    "a/x/b/y/c",
                    "cb/a");

    @Test
    void agreesWithTheJdkMatcher() {
        for (String pattern : PATTERNS) {
            Glob mine = Glob.compile(pattern);
            var jdk = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            for (String path : PATHS) {
                assertThat(mine.matches(path))
                        .as(pattern + " vs " + path)
                        .isEqualTo(jdk.matches(Path.of(path)));
            }
        }
    }

    @Test
    void anExponentialPatternForTheJdk_isAnsweredAtOnce() {
        // java.util.regex needs exponential time for this one; the simulation touches each (char,
        // position) once
        Glob g = Glob.compile("**a".repeat(40) + "b");
        assertThat(g.matches("a".repeat(200))).isFalse();
        assertThat(g.matches("a".repeat(200) + "b")).isTrue();
    }

    @Test
    void doubleStar_matchesLineTerminatorsInNames_whereTheJdkMatcherDidNot() {
        // found by HardeningFuzzTest#glob: the JDK compiles "**" to ".*", which stops at '\r'
        assertThat(Glob.compile("**").matches("dir\rname/.mcp.json")).isTrue();
        assertThat(
                        FileSystems.getDefault()
                                .getPathMatcher("glob:**")
                                .matches(Path.of("dir\rname/.mcp.json")))
                .isFalse();
    }

    @Test
    void invalidGlobs_areRefusedWithAReason() {
        assertThatThrownBy(() -> Glob.compile("[abc")).hasMessageContaining("missing ']'");
        assertThatThrownBy(() -> Glob.compile("{a,b")).hasMessageContaining("missing '}'");
        assertThatThrownBy(() -> Glob.compile("{a,{b}}")).hasMessageContaining("nest");
        assertThatThrownBy(() -> Glob.compile("x\\")).hasMessageContaining("escape");
        assertThatThrownBy(() -> Glob.compile("{a,b}".repeat(9)))
                .hasMessageContaining("alternatives");
    }
}
