package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading ahead of a scan loads, never initialises, and skips what it cannot find. */
class ClassPreloadTest {
    @TempDir Path tmp;

    /** Set by {@link NotToInitialise}'s static initialiser, which loading must not run. */
    static final AtomicBoolean INITIALISED = new AtomicBoolean();

    static final class NotToInitialise {
        static {
            INITIALISED.set(true);
        }

        private NotToInitialise() {}
    }

    @Test
    void load_loadsWithoutInitialising_andSkipsUnknownNames() {
        int loaded =
                ClassPreload.load(
                        List.of(
                                NotToInitialise.class.getName(),
                                "dev.mcpsec.maven.NoSuchClass",
                                String.class.getName()),
                        getClass().getClassLoader());
        assertThat(loaded).isEqualTo(2);
        assertThat(INITIALISED).isFalse();
    }

    /** A class loader that sees {@code text} as the class list, and nothing else. */
    private URLClassLoader withList(String text) throws IOException {
        Path list = tmp.resolve(ClassPreload.LIST);
        Files.createDirectories(list.getParent());
        Files.writeString(list, text);
        return new URLClassLoader(new URL[] {tmp.toUri().toURL()}, null);
    }

    @Test
    void names_readsTheListTheLoaderSees_blankLinesIgnored() throws IOException {
        try (URLClassLoader loader = withList("a.B\n\n  c.D  \n")) {
            assertThat(ClassPreload.names(loader)).containsExactly("a.B", "c.D");
        }
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThat(ClassPreload.names(empty)).as("no list: nothing to load").isEmpty();
        }
    }

    @Test
    void start_loadsOnABackgroundThreadOncePerJvm() throws Exception {
        try (URLClassLoader loader = withList("java.lang.String\njava.util.List\n")) {
            assertThat(ClassPreload.start(loader)).isEqualTo(2);
            // a reactor's later modules (the same realm) start nothing again
            assertThat(ClassPreload.start(loader)).isZero();
        }
    }
}
