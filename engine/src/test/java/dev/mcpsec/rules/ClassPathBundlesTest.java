package dev.mcpsec.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.ConfigurationException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathBundlesTest {
    @TempDir Path dir;

    private ClassLoader loaderWith(String bundleJson) throws IOException {
        Path meta = dir.resolve("META-INF/mcpsec");
        Files.createDirectories(meta.resolve("policies"));
        Files.writeString(meta.resolve("bundle.json"), bundleJson);
        Files.writeString(meta.resolve("policies/a.drl"), "package acme;\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }

    @Test
    void aPrefetchedRead_servesTheNextLoadOnce_withWhatAReadNowGives() throws IOException {
        ClassLoader loader = loaderWith("{\"id\":\"acme\",\"version\":\"1\"}");

        ClassPathBundles.prefetch(loader, bundles -> {});
        assertThat(ClassPathBundles.pending()).isTrue();
        List<Bundle> prefetched = ClassPathBundles.load(loader);

        assertThat(ClassPathBundles.pending()).as("a prefetch serves one load").isFalse();
        assertThat(prefetched).extracting(Bundle::label).containsExactly("acme@1");
        assertThat(prefetched)
                .usingRecursiveComparison()
                .isEqualTo(BundleLoader.fromClassLoader(loader));
    }

    @Test
    void aPrefetchForAnotherClassLoader_isNotUsed() throws IOException {
        ClassLoader loader = loaderWith("{\"id\":\"acme\",\"version\":\"1\"}");
        ClassLoader other = new URLClassLoader(new URL[0], null);

        ClassPathBundles.prefetch(loader, bundles -> {});
        assertThat(ClassPathBundles.load(other)).isEmpty();
        assertThat(ClassPathBundles.pending()).isTrue();
        assertThat(ClassPathBundles.load(loader)).hasSize(1);
    }

    @Test
    void anErrorOfThePrefetchedRead_isThrownByTheLoad_asReadingNowWould() throws IOException {
        ClassLoader loader = loaderWith("{\"version\":\"1\"}");

        ClassPathBundles.prefetch(loader, bundles -> {});

        assertThatThrownBy(() -> ClassPathBundles.load(loader))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("\"id\" is required");
        assertThat(ClassPathBundles.pending()).isFalse();
    }

    @Test
    void theFollowUp_getsTheBundlesRead_andItsErrorStaysOnThePrefetchThread() throws Exception {
        ClassLoader loader = loaderWith("{\"id\":\"acme\",\"version\":\"1\"}");
        CompletableFuture<List<Bundle>> seen = new CompletableFuture<>();

        ClassPathBundles.prefetch(
                loader,
                bundles -> {
                    seen.complete(bundles);
                    throw new IllegalStateException("warming failed");
                });

        assertThat(ClassPathBundles.load(loader))
                .extracting(Bundle::label)
                .containsExactly("acme@1");
        assertThat(seen.get(30, TimeUnit.SECONDS))
                .extracting(Bundle::label)
                .containsExactly("acme@1");
    }
}
