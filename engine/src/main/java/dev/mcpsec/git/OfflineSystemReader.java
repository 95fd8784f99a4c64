package dev.mcpsec.git;

import org.eclipse.jgit.internal.util.CleanupService;
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
            keepJGitCleanupOffTheJvm();
            SystemReader.setInstance(new OfflineSystemReader(current));
        }
    }

    /**
     * The first file snapshot JGit takes (reading any config) registers its clean-up as a JVM
     * shutdown hook, and before that loads JGit's message bundle so that the hook can still log:
     * about 1,000 fields set by reflection, some 40 ms of a small scan on Java 25, plus the hook's
     * own thread pool at exit. That clean-up stops the executor JGit saves file-store attributes
     * with and deletes lock files JGit still holds; a scan only reads, takes no lock and has JGit
     * save nothing, so there is nothing to clean up when the process ends. JGit's clean-up service
     * is therefore created in the mode JGit uses inside an OSGi container, which keeps the clean-up
     * for the container to run instead of hooking the JVM. Only this class loader's copy of JGit is
     * concerned (the Maven plugin's realm has its own). {@code OfflineSystemReaderTest} checks the
     * mode, so that a JGit upgrade that changes this internal class is noticed.
     */
    private static void keepJGitCleanupOffTheJvm() {
        new CleanupService();
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
