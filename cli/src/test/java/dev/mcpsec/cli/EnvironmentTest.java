package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void homeVariable_winsOverTheAccountDatabase() {
        assertThat(Environment.homeOf(Map.of("HOME", "/tmp/fake-home"), "/root"))
                .isEqualTo(Path.of("/tmp/fake-home"));
    }

    @Test
    void windowsUserProfile_isUsedWhenHomeIsUnset() {
        assertThat(Environment.homeOf(Map.of("USERPROFILE", "C:/Users/ann"), "/x"))
                .isEqualTo(Path.of("C:/Users/ann"));
    }

    @Test
    void withoutVariables_theJvmHomeIsUsed() {
        assertThat(Environment.homeOf(Map.of("HOME", " "), "/home/me"))
                .isEqualTo(Path.of("/home/me"));
    }

    @Test
    void theLaunchersWorkingDirectoryProperty_isWhereRelativePathsResolve() {
        assertThat(Environment.workingDirectory("/work/project"))
                .isEqualTo(Path.of("/work/project"));
        assertThat(Environment.workingDirectory(null)).isEqualTo(Path.of(""));
        assertThat(Environment.workingDirectory(" ")).isEqualTo(Path.of(""));
        Environment env =
                new Environment(
                        System.out,
                        System.err,
                        Map.of(),
                        false,
                        Environment.workingDirectory("/work/project"),
                        Path.of("/home/me"));
        assertThat(env.resolve("examples/leaky-demo"))
                .isEqualTo(Path.of("/work/project/examples/leaky-demo"));
    }
}
