package dev.mcpsec.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.ConfigurationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleLoaderTest {
    @TempDir Path dir;

    private static final String META =
            "{\"id\":\"acme\",\"version\":\"1.2.0\",\"description\":\"Acme rules\"}";
    private static final String DRL = "package acme;\nimport dev.mcpsec.facts.*;\n";

    private Path directoryBundle(Path base) throws IOException {
        Path m = base.resolve("META-INF/mcpsec");
        Files.createDirectories(m.resolve("policies"));
        Files.createDirectories(m.resolve("data"));
        Files.createDirectories(m.resolve("tests/case-1/.cursor"));
        Files.writeString(m.resolve("bundle.json"), META);
        Files.writeString(m.resolve("policies/a.drl"), DRL);
        Files.writeString(m.resolve("data/banned.json"), "{\"npm\": [\"evil-pkg\", \"@bad/\"]}");
        Files.writeString(m.resolve("tests/case-1/expected.json"), "{\"expect\": []}");
        Files.writeString(m.resolve("tests/case-1/.cursor/mcp.json"), "{}");
        return base;
    }

    private Path jar(Map<String, String> entries) throws IOException {
        Path jar = dir.resolve("bundle.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void directoryBundle_loadsPoliciesDataAndFixtureCases() throws IOException {
        Bundle b = BundleLoader.fromDirectory(directoryBundle(dir.resolve("acme")));
        assertThat(b.label()).isEqualTo("acme@1.2.0");
        assertThat(b.policies()).extracting(Bundle.DrlFile::content).containsExactly(DRL);
        assertThat(b.data()).containsEntry("banned", Map.of("npm", List.of("evil-pkg", "@bad/")));
        assertThat(b.tests()).containsOnlyKeys("case-1");
        assertThat(b.tests().get("case-1")).containsOnlyKeys("expected.json", ".cursor/mcp.json");
    }

    @Test
    void bundleProject_isFoundUnderSrcMainResources() throws IOException {
        directoryBundle(dir.resolve("project/src/main/resources"));
        assertThat(BundleLoader.fromDirectory(dir.resolve("project")).id()).isEqualTo("acme");
    }

    @Test
    void jarBundle_loadsTheSameLayout() throws IOException {
        Path jar =
                jar(
                        Map.of(
                                "META-INF/mcpsec/bundle.json",
                                META,
                                "META-INF/mcpsec/policies/a.drl",
                                DRL,
                                "META-INF/mcpsec/data/banned.json",
                                "{\"npm\": [\"evil-pkg\"]}",
                                "META-INF/mcpsec/tests/c/expected.json",
                                "{}"));
        Bundle b = BundleLoader.fromSpec(jar.toString(), dir);
        assertThat(b.label()).isEqualTo("acme@1.2.0");
        assertThat(b.policies()).hasSize(1);
        assertThat(b.data().get("banned").get("npm")).containsExactly("evil-pkg");
        assertThat(b.tests()).containsOnlyKeys("c");
    }

    private Map<String, String> classPathJarEntries(String fixture, String drl) {
        return Map.of(
                "META-INF/mcpsec/bundle.json",
                META,
                "META-INF/mcpsec/policies/a.drl",
                drl,
                "META-INF/mcpsec/data/banned.json",
                "{\"npm\": [\"evil-pkg\"]}",
                "META-INF/mcpsec/tests/c/expected.json",
                fixture,
                "META-INF/mcpsec/tests/c/.cursor/mcp.json",
                "{}");
    }

    @Test
    void classPathJar_readsItsFixtureCasesOnlyWhenAskedFor_withTheSameContent() throws IOException {
        Path jar = jar(classPathJarEntries("{\"expect\": []}", DRL));

        Bundle b = BundleLoader.fromJar(jar, true);

        assertThat(b.tests()).isInstanceOf(BundleLoader.JarTests.class);
        assertThat(((BundleLoader.JarTests) b.tests()).loaded())
                .as("loading a class-path bundle reads no fixture case")
                .isFalse();
        assertThat(b.policies()).extracting(Bundle.DrlFile::content).containsExactly(DRL);
        assertThat(b.data().get("banned").get("npm")).containsExactly("evil-pkg");
        Map<String, Map<String, byte[]>> eager = BundleLoader.fromJar(jar, false).tests();
        assertThat(b.tests()).containsOnlyKeys("c");
        assertThat(b.tests().get("c")).containsOnlyKeys("expected.json", ".cursor/mcp.json");
        assertThat(new String(b.tests().get("c").get("expected.json"), StandardCharsets.UTF_8))
                .isEqualTo(new String(eager.get("c").get("expected.json"), StandardCharsets.UTF_8))
                .isEqualTo("{\"expect\": []}");
        assertThat(((BundleLoader.JarTests) b.tests()).loaded()).isTrue();
    }

    @Test
    void classPathJarDigest_coversRulesAndData_butNotFixtureCases() throws IOException {
        String base = BundleLoader.fromJar(jar(classPathJarEntries("{}", DRL)), true).sha256();
        String otherFixture =
                BundleLoader.fromJar(jar(classPathJarEntries("{\"expect\": []}", DRL)), true)
                        .sha256();
        String otherRule =
                BundleLoader.fromJar(jar(classPathJarEntries("{}", DRL + "// changed\n")), true)
                        .sha256();

        assertThat(base).matches("[0-9a-f]{64}");
        assertThat(otherFixture).isEqualTo(base);
        assertThat(otherRule).isNotEqualTo(base);
    }

    @Test
    void classPathBundle_hasTheSameDigestInAJarAndInAFolder() throws IOException {
        Map<String, String> entries = classPathJarEntries("{}", DRL);
        Path jar = jar(entries);
        Path folder = dir.resolve("classes");
        for (Map.Entry<String, String> e : entries.entrySet()) {
            Path f = folder.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        List<Bundle> fromFolder;
        try (java.net.URLClassLoader loader =
                new java.net.URLClassLoader(new java.net.URL[] {folder.toUri().toURL()}, null)) {
            fromFolder = BundleLoader.fromClassLoader(loader);
        }

        assertThat(fromFolder).hasSize(1);
        assertThat(fromFolder.get(0).sha256()).isEqualTo(BundleLoader.fromJar(jar, true).sha256());
        assertThat(fromFolder.get(0).tests()).containsOnlyKeys("c");
    }

    @Test
    void classPathJar_withAnUnreadableFixtureCaseLater_failsWhenTheCasesAreAskedFor()
            throws IOException {
        Path jar = jar(classPathJarEntries("{}", DRL));
        Bundle b = BundleLoader.fromJar(jar, true);
        Files.delete(jar);

        assertThatThrownBy(() -> b.tests().size())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cannot read the fixture cases of bundle jar");
    }

    @Test
    void jarWithoutBundleJson_isNotABundle() throws IOException {
        Path jar = jar(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));
        assertThatThrownBy(() -> BundleLoader.fromSpec(jar.toString(), dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "is not an mcpsec bundle: it has no META-INF/mcpsec/bundle.json")
                .satisfies(
                        e ->
                                assertThat(((ConfigurationException) e).setting())
                                        .isEqualTo("bundle"));
    }

    @Test
    void missingPath_namesIt() {
        assertThatThrownBy(() -> BundleLoader.fromSpec(dir.resolve("nope").toString(), dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void groupArtifactVersion_isResolvedFromTheLocalRepositoryOnly() throws IOException {
        Path repo = dir.resolve("m2");
        Path target = repo.resolve("com/acme/acme-mcp-policies/1.2.0/acme-mcp-policies-1.2.0.jar");
        Files.createDirectories(target.getParent());
        Files.move(jar(Map.of("META-INF/mcpsec/bundle.json", META)), target);
        assertThat(BundleLoader.fromSpec("com.acme:acme-mcp-policies:1.2.0", repo).id())
                .isEqualTo("acme");
        assertThatThrownBy(() -> BundleLoader.fromSpec("com.acme:acme-mcp-policies:9.9.9", repo))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is not in the local Maven repository")
                .hasMessageContaining("never downloads");
    }

    @Test
    void pinnedBundle_loadsOnlyWhenItsHashMatches() throws IOException {
        Path bundle = directoryBundle(dir.resolve("pinned"));
        String hash = BundleLoader.sha256(bundle);
        assertThat(BundleLoader.fromSpec(bundle + "#sha256=" + hash, dir).id()).isEqualTo("acme");
        Files.writeString(bundle.resolve("META-INF/mcpsec/policies/a.drl"), DRL + "// changed\n");
        assertThatThrownBy(() -> BundleLoader.fromSpec(bundle + "#sha256=" + hash, dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not match its pinned SHA-256");
    }

    @Test
    void badMetadataAndData_areClearErrors() throws IOException {
        Path bundle = directoryBundle(dir.resolve("bad"));
        Files.writeString(
                bundle.resolve("META-INF/mcpsec/data/banned.json"), "{\"npm\": \"evil\"}");
        assertThatThrownBy(() -> BundleLoader.fromDirectory(bundle))
                .hasMessageContaining("must be an array of strings");
        Files.writeString(bundle.resolve("META-INF/mcpsec/data/banned.json"), "{}");
        Files.writeString(bundle.resolve("META-INF/mcpsec/bundle.json"), "{\"version\": \"1\"}");
        assertThatThrownBy(() -> BundleLoader.fromDirectory(bundle))
                .hasMessageContaining("\"id\" is required");
        Files.writeString(bundle.resolve("META-INF/mcpsec/bundle.json"), "{\"id\": \"x\",");
        assertThatThrownBy(() -> BundleLoader.fromDirectory(bundle))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aFolderWithoutBundleJson_isNotABundle() {
        assertThatThrownBy(() -> BundleLoader.fromDirectory(dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is not an mcpsec bundle");
    }
}
