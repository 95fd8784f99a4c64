package dev.mcpsec.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentTest {

    @Test
    void homeVariable_winsOverTheAccountDatabase() {
        assertThat(Environment.homeOf(Map.of("HOME", "/tmp/fake-home"), "/root")).isEqualTo(Path.of("/tmp/fake-home"));
    }

    @Test
    void windowsUserProfile_isUsedWhenHomeIsUnset() {
        assertThat(Environment.homeOf(Map.of("USERPROFILE", "C:/Users/ann"), "/x")).isEqualTo(Path.of("C:/Users/ann"));
    }

    @Test
    void withoutVariables_theJvmHomeIsUsed() {
        assertThat(Environment.homeOf(Map.of("HOME", " "), "/home/me")).isEqualTo(Path.of("/home/me"));
    }
}
