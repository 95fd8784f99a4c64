package dev.mcpsec.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mcpsec.facts.Credential;
import dev.mcpsec.parse.LenientUrl;
import dev.mcpsec.project.Glob;
import dev.mcpsec.secrets.DetectorOptions;
import dev.mcpsec.secrets.FakeSecrets;
import dev.mcpsec.secrets.Fingerprinter;
import dev.mcpsec.secrets.SecretDetector;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The surfaces added by the second hardening round (issue 11): the raw-text secret search over
 * configs that could not be read completely, the linear glob matcher, and the lenient URL reader.
 */
class HardeningFuzzTest {

    private final RawConfigText raw =
            new RawConfigText(
                    new SecretDetector(DetectorOptions.defaults().withMaxValueLength(4096)),
                    new Fingerprinter("fuzz"),
                    64 * 1024);

    /**
     * No exception; no credential's masked value or detector note shows a planted secret; positions
     * are 1-based.
     */
    @FuzzTest(maxDuration = "90s")
    void rawText(byte[] data) {
        Map<String, String> planted = new HashMap<>();
        String text = new String(data, StandardCharsets.UTF_8);
        if (text.contains("@@FAKE:")) {
            try {
                text = FakeSecrets.expandFakes(text, new Random(7), planted);
            } catch (IllegalArgumentException unknownKind) {
                planted.clear();
            }
        }
        List<Credential> found =
                raw.search(
                        ".mcp.json",
                        "claude-code",
                        text.getBytes(StandardCharsets.UTF_8),
                        true,
                        false,
                        Set.of());
        for (Credential c : found) {
            assertThat(c.line()).isPositive();
            assertThat(c.column()).isPositive();
            String shown = c.masked() + " " + c.detector() + " " + c.location() + " " + c;
            for (String secret : planted.values()) {
                assertThat(shown).doesNotContain(secret);
            }
        }
    }

    /**
     * First line a pattern, second a path. No exception but a reason for a bad pattern; where the
     * JDK's matcher can answer quickly (few stars) and takes the pattern, both agree.
     */
    @FuzzTest(maxDuration = "90s")
    void glob(byte[] data) {
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n", 2);
        String pattern = lines[0];
        String path = lines.length > 1 ? lines[1].replace("\n", "") : "";
        Glob g;
        try {
            g = Glob.compile(pattern);
        } catch (IllegalArgumentException invalid) {
            return;
        }
        boolean mine = g.matches(path);
        long stars = pattern.chars().filter(c -> c == '*').count();
        if (stars > 4 || path.length() > 64 || pattern.length() > 64) {
            return;
        }
        if (path.chars()
                .anyMatch(c -> c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029')) {
            // deliberate difference: the JDK's "**" is the regex ".*", which stops at line
            // terminators, so "**" did
            // not exclude a file whose name holds a carriage return; mcpsec's "**" matches every
            // character
            assertThat(Glob.compile("**").matches(path)).isTrue();
            return;
        }
        try {
            var jdk = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            Path p = Path.of(path);
            if (!p.toString().equals(path)) {
                return; // the JDK normalises the path (double slashes, trailing slash): not the
                // same question
            }
            assertThat(mine).as(pattern + " vs " + path).isEqualTo(jdk.matches(p));
        } catch (IllegalArgumentException jdkRefuses) { // InvalidPathException too
            // the JDK refuses a few patterns mcpsec accepts (e.g. '/' in a class is refused by
            // both; others differ)
        }
    }

    /**
     * No exception; a host is lower case, holds no separator, and normalising twice changes
     * nothing.
     */
    @FuzzTest(maxDuration = "90s")
    void lenientUrl(byte[] data) {
        String url = new String(data, StandardCharsets.UTF_8);
        String n = LenientUrl.normalize(url);
        String host = LenientUrl.host(url);
        assertThat(LenientUrl.normalize(n)).isEqualTo(n);
        if (host != null) {
            if (url.indexOf('%')
                    < 0) { // percent escapes may decode to anything; raw separators end the host
                assertThat(host).doesNotContain("/").doesNotContain("?").doesNotContain("#");
            }
            assertThat(LenientUrl.host(n)).isEqualTo(host);
        }
    }
}
