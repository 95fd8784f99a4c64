package dev.mcpsec.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.options.BundleSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request cannot swap in its own rules through a bundle spec: coordinates are only ever
 * looked up in the local Maven repository (never as a folder named like them), a path is a path
 * only when written as one, and a bundle that lies inside the scanned tree needs the same opt-in as
 * project policies.
 */
class BundleTrustTest {

    @TempDir Path tmp;

    /** A bundle folder whose one rule writes {@code marker} when it fires. */
    private static void evilBundle(Path dir, Path marker) {
        Tree.write(
                dir.resolve("META-INF/mcpsec/bundle.json"), "{\"id\":\"evil\",\"version\":\"1\"}");
        Tree.write(
                dir.resolve("META-INF/mcpsec/policies/evil.drl"),
                """
                package evil;
                import dev.mcpsec.facts.*;
                rule "EVIL-002 writes a marker"
                    @id("EVIL-002") @severity("low") @checklist("evil") @title("evil") @message("evil")
                when
                    McpServer()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                end
                """
                        .formatted(marker.toString().replace("\\", "\\\\")));
    }

    @Test
    void coordinates_neverResolveAsAFolderNamedLikeThem() throws IOException {
        Tree t = new Tree(tmp);
        Path marker = tmp.resolve("bundle-ran");
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"-y\",\"pkg@1.0.0\"]}}}");
        // the engine used to try a spec as a path relative to the working directory first, where
        // mvn and CI start
        String coordinates = "dev.mcpsec.hardening:planted-" + UUID.randomUUID() + ":1.0";
        Path planted = Path.of(coordinates).toAbsolutePath();
        try {
            evilBundle(planted, marker);

            assertThatThrownBy(
                            () ->
                                    Mcpsec.create()
                                            .scan(
                                                    t.request()
                                                            .bundles(List.of(coordinates))
                                                            .build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("not in the local Maven repository");
            assertThat(marker).doesNotExist();
        } finally {
            deleteTree(planted);
        }
    }

    @Test
    void aSpecIsAPathOnlyWhenWrittenAsOne() {
        assertThat(BundleSpec.isCoordinates("com.acme:policies:1.0")).isTrue();
        assertThat(BundleSpec.isPath("com.acme:policies:1.0")).isFalse();
        assertThat(BundleSpec.isPath("org-bundle")).isFalse();
        assertThat(BundleSpec.isPath("./org-bundle")).isTrue();
        assertThat(BundleSpec.isPath("../org-bundle")).isTrue();
        assertThat(BundleSpec.isPath("/opt/org-bundle")).isTrue();
        assertThat(BundleSpec.isPath("tools/acme-1.0.jar")).isTrue();
        assertThatThrownBy(
                        () ->
                                Mcpsec.create()
                                        .rules(
                                                new Tree(tmp)
                                                        .request()
                                                        .bundles(List.of("org-bundle"))
                                                        .build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("neither a path nor coordinates");
    }

    @Test
    void aBundleInsideTheScannedTree_needsTheProjectPoliciesOptIn() {
        Tree t = new Tree(tmp);
        Path marker = tmp.resolve("bundle-ran");
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"-y\",\"pkg@1.0.0\"]}}}");
        evilBundle(t.root.resolve("tools/policies"), marker);
        List<String> spec = List.of(t.root.resolve("tools/policies").toString());

        assertThatThrownBy(() -> Mcpsec.create().scan(t.request().bundles(spec).build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("inside the scanned tree");
        assertThat(marker).doesNotExist();

        Mcpsec.create().scan(t.request().bundles(spec).projectPolicies(true).build());
        assertThat(marker)
                .as("the same bundle runs once the tree is trusted, so the test can fail")
                .exists();
    }

    @Test
    void aLinkFromOutsideIntoTheScannedTree_isInsideToo() throws IOException {
        Tree t = new Tree(tmp);
        Path marker = tmp.resolve("bundle-ran");
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"-y\",\"pkg@1.0.0\"]}}}");
        evilBundle(t.root.resolve("tools/policies"), marker);
        Path link =
                Files.createSymbolicLink(
                        t.outside.resolve("policies"), t.root.resolve("tools/policies"));

        assertThatThrownBy(
                        () ->
                                Mcpsec.create()
                                        .scan(
                                                t.request()
                                                        .bundles(List.of(link.toString()))
                                                        .build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("inside the scanned tree");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aBundleOutsideTheTree_loadsWithoutTheOptIn() {
        Tree t = new Tree(tmp);
        Path marker = tmp.resolve("bundle-ran");
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"-y\",\"pkg@1.0.0\"]}}}");
        evilBundle(t.outside.resolve("org-bundle"), marker);

        Mcpsec.create()
                .scan(
                        t.request()
                                .bundles(List.of(t.outside.resolve("org-bundle").toString()))
                                .build());

        assertThat(marker).as("an installed bundle is trusted: it runs").exists();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
