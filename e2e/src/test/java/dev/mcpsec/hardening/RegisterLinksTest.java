package dev.mcpsec.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.secrets.FakeSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code .mcpsec/} file is read and written only inside the root, never through a symbolic
 * link, and a parse error of any of them shortens the token it quotes: a link to a secret file
 * elsewhere on the machine cannot print the secret into the CI log, and {@code baseline} or {@code
 * review add} cannot write through a link to any path.
 */
class RegisterLinksTest {

    @TempDir Path tmp;

    private static final String SERVER =
            "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"-y\",\"pkg@1.0.0\"]}}}";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"config.json", "baseline.json", "reviewed.json", "rotation.json"})
    void aRegisterLinkedToASecretFileOutside_isRefusedWithoutEchoingIt(String register)
            throws Exception {
        Tree t = new Tree(tmp);
        String secret = FakeSecrets.generate("stripe-live", new Random(4));
        Path elsewhere = Tree.write(t.outside.resolve("credentials"), secret + "\n");
        t.write(".mcp.json", SERVER);
        Files.createDirectories(t.root.resolve(".mcpsec"));
        Files.createSymbolicLink(t.root.resolve(".mcpsec/" + register), elsewhere);

        Throwable thrown = catchThrowable(() -> Mcpsec.create().scan(t.request().build()));

        assertThat(thrown)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("symbolic link");
        assertThat(thrown.getMessage()).doesNotContain(secret.substring(8, 20));
    }

    @Test
    void aLinkedMcpsecFolder_isRefusedToo() throws Exception {
        Tree t = new Tree(tmp);
        String secret = FakeSecrets.generate("stripe-live", new Random(5));
        Tree.write(t.outside.resolve("secrets/config.json"), secret + "\n");
        t.write(".mcp.json", SERVER);
        Files.createSymbolicLink(t.root.resolve(".mcpsec"), t.outside.resolve("secrets"));

        Throwable thrown = catchThrowable(() -> Mcpsec.create().scan(t.request().build()));

        assertThat(thrown)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(".mcpsec is a symbolic link");
        assertThat(thrown.getMessage()).doesNotContain(secret.substring(8, 20));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"config.json", "baseline.json", "reviewed.json", "rotation.json"})
    void aParseErrorOfARegister_shortensTheTokenItQuotes(String register) {
        Tree t = new Tree(tmp);
        String secret = FakeSecrets.generate("stripe-live", new Random(6));
        t.write(".mcp.json", SERVER);
        t.write(".mcpsec/" + register, secret + "\n");

        Throwable thrown = catchThrowable(() -> Mcpsec.create().scan(t.request().build()));

        assertThat(thrown)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not valid JSON");
        assertThat(thrown.getMessage()).doesNotContain(secret.substring(6, 18));
    }

    @Test
    void baseline_neverWritesThroughADanglingLink() throws Exception {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", SERVER);
        Files.createDirectories(t.root.resolve(".mcpsec"));
        Path target = t.outside.resolve("written-by-baseline");
        Files.createSymbolicLink(t.root.resolve(".mcpsec/baseline.json"), target);

        assertThatThrownBy(
                        () ->
                                Mcpsec.create()
                                        .writeBaseline(
                                                t.request().build(),
                                                t.root.resolve(".mcpsec/baseline.json")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("symbolic link");
        assertThat(target).doesNotExist();
    }

    @Test
    void reviewAdd_neverWritesThroughADanglingLink() throws Exception {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", SERVER);
        Files.createDirectories(t.root.resolve(".mcpsec"));
        Path target = t.outside.resolve("written-by-review");
        Files.createSymbolicLink(t.root.resolve(".mcpsec/reviewed.json"), target);

        assertThatThrownBy(
                        () -> Mcpsec.create().reviewAdd(t.request().build(), "s", "me", null, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("symbolic link");
        assertThat(target).doesNotExist();
    }

    @Test
    void baselineAndReviewAdd_stillWriteARealFileInside() throws Exception {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", SERVER);

        Mcpsec.create().writeBaseline(t.request().build(), t.root.resolve(".mcpsec/baseline.json"));
        Mcpsec.create().reviewAdd(t.request().build(), "s", "me", null, null);

        assertThat(t.root.resolve(".mcpsec/baseline.json")).isRegularFile();
        assertThat(Files.readString(t.root.resolve(".mcpsec/reviewed.json")))
                .contains("\"server\" : \"s\"");
        assertThat(Mcpsec.create().reviewList(t.request().build()).get(0).toString())
                .contains("reviewed");
    }
}
