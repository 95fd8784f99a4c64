package dev.mcpsec.git;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * JGit's view of the system, minus everything that would start a process or touch the network.
 * JGit's default reader finds the system-wide git config by running {@code git --version} and
 * {@code git config --system --list}, and asks DNS for the host name; mcpsec promises to start no
 * process and make no network call during a scan. This reader skips the system config (as JGit
 * itself does with {@code GIT_CONFIG_NOSYSTEM}) and names the host {@code localhost}; the user
 * config, environment and clock come from the reader it wraps.
 */
final class OfflineSystemReader extends SystemReader.Delegate {

    private OfflineSystemReader(SystemReader delegate) {
        super(delegate);
    }

    /** Installs this reader around JGit's current one, unless it is already installed. */
    static synchronized void install() {
        SystemReader current = SystemReader.getInstance();
        if (!(current instanceof OfflineSystemReader)) {
            SystemReader.setInstance(new OfflineSystemReader(current));
        }
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return new FileBasedConfig(parent, null, fs) {
            @Override
            public void load() {
                // no system config: finding it would run git
            }

            @Override
            public boolean isOutdated() {
                return false;
            }
        };
    }

    @Override
    public String getHostname() {
        return "localhost";
    }
}
