package dev.mcpsec.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.ReviewEntry;
import dev.mcpsec.facts.McpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewRegisterTest {
    @TempDir Path root;

    private static McpServer npm(String name, String pkg, String version) {
        return new McpServer(
                name,
                ".mcp.json",
                3,
                5,
                "claude-code",
                "project",
                "stdio",
                "npx",
                List.of("-y", pkg),
                null,
                null,
                "npx",
                "npm",
                pkg,
                version,
                null,
                false);
    }

    @Test
    void addedReviews_readBack_andReplaceTheSameServerAndPackage() {
        ReviewRegister.add(
                root,
                new ReviewEntry(
                        "stripe",
                        "@stripe/mcp",
                        "0.2.3",
                        null,
                        null,
                        null,
                        "sec",
                        "2026-10-01",
                        "a"));
        ReviewRegister.add(
                root,
                new ReviewEntry(
                        "stripe",
                        "@stripe/mcp",
                        "0.2.4",
                        null,
                        null,
                        "repo",
                        "sec",
                        "2026-11-01",
                        "b"));
        assertThat(ReviewRegister.read(root))
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.version()).isEqualTo("0.2.4");
                            assertThat(e.note()).isEqualTo("b");
                        });
    }

    @Test
    void state_isReviewedChangedOrUnreviewed() {
        List<ReviewEntry> entries =
                List.of(
                        new ReviewEntry(
                                "stripe",
                                "@stripe/mcp",
                                "0.2.4",
                                null,
                                null,
                                null,
                                "sec",
                                "2026-11-01",
                                null));
        assertThat(ReviewRegister.state(npm("stripe", "@stripe/mcp", "0.2.4"), entries))
                .isEqualTo("reviewed");
        assertThat(ReviewRegister.state(npm("stripe", "@stripe/mcp", "0.3.0"), entries))
                .isEqualTo("changed");
        assertThat(ReviewRegister.state(npm("other", "@stripe/mcp", "0.2.4"), entries))
                .isEqualTo("unreviewed");
        assertThat(ReviewRegister.launched(npm("stripe", "@stripe/mcp", "0.2.4")))
                .isEqualTo("@stripe/mcp@0.2.4");
    }

    @Test
    void malformedRegister_saysWhatIsExpected() throws IOException {
        Files.createDirectories(root.resolve(".mcpsec"));
        Files.writeString(
                root.resolve(".mcpsec/reviewed.json"), "{\"reviews\": [{\"package\": \"x\"}]}");
        assertThatThrownBy(() -> ReviewRegister.read(root))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("reviews[0] has no \"server\"");
    }
}
