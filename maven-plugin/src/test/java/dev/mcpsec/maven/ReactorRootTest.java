package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorRootTest {
    @TempDir Path dir;

    private void pom(Path folder, String modules) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(
                folder.resolve("pom.xml"),
                "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modules>"
                        + modules
                        + "</modules></project>");
    }

    @Test
    void fromAModuleFolder_theWalkEndsAtTheTopOfTheModuleChain() throws IOException {
        pom(dir.resolve("repo"), "<module>services</module><module>tools/pom.xml</module>");
        pom(dir.resolve("repo/services"), "<module>api</module>");
        pom(dir.resolve("repo/services/api"), "");
        pom(dir.resolve("repo/tools"), "");
        assertThat(ReactorRoot.find(dir.resolve("repo/services/api").toFile()))
                .isEqualTo(dir.resolve("repo").toFile());
        assertThat(ReactorRoot.find(dir.resolve("repo/tools").toFile()))
                .isEqualTo(dir.resolve("repo").toFile());
        assertThat(ReactorRoot.find(dir.resolve("repo").toFile()))
                .isEqualTo(dir.resolve("repo").toFile());
    }

    @Test
    void aParentPomThatDoesNotListTheFolder_orDoesNotParse_stopsTheWalk() throws IOException {
        pom(dir.resolve("outer"), "<module>other</module>");
        pom(dir.resolve("outer/project"), "");
        assertThat(ReactorRoot.find(dir.resolve("outer/project").toFile()))
                .isEqualTo(dir.resolve("outer/project").toFile());
        Files.writeString(
                dir.resolve("outer/pom.xml"), "<project><modules><module>project</modules>");
        assertThat(ReactorRoot.find(dir.resolve("outer/project").toFile()))
                .isEqualTo(dir.resolve("outer/project").toFile());
    }
}
