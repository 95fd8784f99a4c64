package dev.mcpsec.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.eclipse.jgit.internal.util.CleanupService;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;

class OfflineSystemReaderTest {

    @Test
    void install_wrapsJGitsReader_andKeepsJGitsCleanupOffTheJvm() throws Exception {
        OfflineSystemReader.install();

        assertThat(SystemReader.getInstance()).isInstanceOf(OfflineSystemReader.class);
        assertThat(SystemReader.getInstance().getHostname()).isEqualTo("localhost");
        // JGit's internal clean-up service in its container mode registers no JVM shutdown hook
        // and loads no message bundle; if a JGit upgrade renames this field, re-check what
        // OfflineSystemReader.keepJGitCleanupOffTheJvm relies on
        Field osgi = CleanupService.class.getDeclaredField("isOsgi");
        osgi.setAccessible(true);
        assertThat(osgi.getBoolean(CleanupService.getInstance())).isTrue();
    }
}
