package dev.mcpsec.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Keeps JGit away from the real user's and system's git configuration during tests: the user config
 * is a temp file, system config is empty, and chosen environment variables are overridden.
 */
final class IsolatedGitConfig extends SystemReader {
    private final SystemReader delegate;
    private final Path userConfig;
    private final Map<String, String> env = new HashMap<>();

    private IsolatedGitConfig(SystemReader delegate, Path userConfig) {
        this.delegate = delegate;
        this.userConfig = userConfig;
    }

    static IsolatedGitConfig install(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IsolatedGitConfig reader =
                new IsolatedGitConfig(SystemReader.getInstance(), home.resolve(".gitconfig"));
        reader.env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        SystemReader.setInstance(reader);
        return reader;
    }

    static void uninstall() {
        SystemReader.setInstance(null);
    }

    Path userConfigFile() {
        return userConfig;
    }

    @Override
    public String getHostname() {
        return "localhost";
    }

    @Override
    public String getenv(String variable) {
        if (env.containsKey(variable)) {
            return env.get(variable);
        }
        return variable.startsWith("GIT_") ? null : delegate.getenv(variable);
    }

    @Override
    public String getProperty(String key) {
        return delegate.getProperty(key);
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
        return new FileBasedConfig(parent, userConfig.toFile(), fs);
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return empty(parent, fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
        return empty(parent, fs);
    }

    // SystemReader still declares this abstract: a delegating reader must implement it, deprecated
    // or not
    @SuppressWarnings("deprecation")
    @Override
    public long getCurrentTime() {
        return delegate.getCurrentTime();
    }

    // SystemReader still declares this abstract: a delegating reader must implement it, deprecated
    // or not
    @SuppressWarnings("deprecation")
    @Override
    public int getTimezone(long when) {
        return delegate.getTimezone(when);
    }

    private static FileBasedConfig empty(Config parent, FS fs) {
        return new FileBasedConfig(parent, null, fs) {
            @Override
            public void load() {
                // nothing to load: tests must not see the machine's git configuration
            }

            @Override
            public void save() {
                // JGit caches file-store timings here; tests keep them in memory
            }

            @Override
            public boolean isOutdated() {
                return false;
            }
        };
    }
}
