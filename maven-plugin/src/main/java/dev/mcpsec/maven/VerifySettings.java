package dev.mcpsec.maven;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * The {@code verify} goal's parameter values as Maven injected them, before any validation: the
 * input of {@link RequestAdapter}, kept free of Maven types so the mapping is testable without a
 * Maven runtime.
 *
 * @param scanDirectory directory to scan (already resolved from {@code <scope>} and {@code
 *     <scanDirectory>})
 * @param baseDirectory the project's base directory, against which relative {@code <bundles>} paths
 *     resolve
 * @param localRepository the build's local repository, where {@code G:A:V} bundles are looked up
 * @param bundleClassLoader the plugin's class loader: org bundles declared as plugin dependencies
 *     live on it
 * @param limits {@code <limits>}: limit name → value, see {@code ScanLimits#with}
 * @param advisories {@code <advisories>}: OSV files, folders or zips (relative paths resolve
 *     against the project)
 * @param advisoriesMaxAge {@code <advisoriesMaxAge>}: days, null for the default
 * @param allowExternalGit {@code <allowExternalGit>}: let git read outside the scanned folder
 */
public record VerifySettings(
        File scanDirectory,
        File baseDirectory,
        String failOn,
        List<String> formats,
        boolean includeUserConfigs,
        boolean history,
        boolean projectPolicies,
        List<String> bundles,
        List<String> excludeRules,
        List<String> includeRules,
        Map<String, String> severityOverrides,
        File baseline,
        File localRepository,
        ClassLoader bundleClassLoader,
        Map<String, String> limits,
        List<String> advisories,
        Integer advisoriesMaxAge,
        boolean allowExternalGit) {

    /**
     * Settings with every parameter at the default the goal documents ({@code failOn} high, {@code
     * formats} console, json and sarif, {@code history} on, everything else off or unset); the
     * scanned and base directories are the only values without a default.
     */
    public static Builder builder(File scanDirectory, File baseDirectory) {
        return new Builder(scanDirectory, baseDirectory);
    }

    /** Builds {@link VerifySettings}; each setter names the parameter it stands for. */
    public static final class Builder {
        private final File scanDirectory;
        private final File baseDirectory;
        private String failOn = "high";
        private List<String> formats = List.of("console", "json", "sarif");
        private boolean includeUserConfigs;
        private boolean history = true;
        private boolean projectPolicies;
        private List<String> bundles;
        private List<String> excludeRules;
        private List<String> includeRules;
        private Map<String, String> severityOverrides;
        private File baseline;
        private File localRepository;
        private ClassLoader bundleClassLoader;
        private Map<String, String> limits;
        private List<String> advisories;
        private Integer advisoriesMaxAge;
        private boolean allowExternalGit;

        private Builder(File scanDirectory, File baseDirectory) {
            this.scanDirectory = scanDirectory;
            this.baseDirectory = baseDirectory;
        }

        public Builder failOn(String failOn) {
            this.failOn = failOn;
            return this;
        }

        public Builder formats(List<String> formats) {
            this.formats = formats;
            return this;
        }

        public Builder includeUserConfigs(boolean includeUserConfigs) {
            this.includeUserConfigs = includeUserConfigs;
            return this;
        }

        public Builder history(boolean history) {
            this.history = history;
            return this;
        }

        public Builder projectPolicies(boolean projectPolicies) {
            this.projectPolicies = projectPolicies;
            return this;
        }

        public Builder bundles(List<String> bundles) {
            this.bundles = bundles;
            return this;
        }

        public Builder excludeRules(List<String> excludeRules) {
            this.excludeRules = excludeRules;
            return this;
        }

        public Builder includeRules(List<String> includeRules) {
            this.includeRules = includeRules;
            return this;
        }

        public Builder severityOverrides(Map<String, String> severityOverrides) {
            this.severityOverrides = severityOverrides;
            return this;
        }

        public Builder baseline(File baseline) {
            this.baseline = baseline;
            return this;
        }

        public Builder localRepository(File localRepository) {
            this.localRepository = localRepository;
            return this;
        }

        public Builder bundleClassLoader(ClassLoader bundleClassLoader) {
            this.bundleClassLoader = bundleClassLoader;
            return this;
        }

        public Builder limits(Map<String, String> limits) {
            this.limits = limits;
            return this;
        }

        public Builder advisories(List<String> advisories) {
            this.advisories = advisories;
            return this;
        }

        public Builder advisoriesMaxAge(Integer advisoriesMaxAge) {
            this.advisoriesMaxAge = advisoriesMaxAge;
            return this;
        }

        public Builder allowExternalGit(boolean allowExternalGit) {
            this.allowExternalGit = allowExternalGit;
            return this;
        }

        public VerifySettings build() {
            return new VerifySettings(
                    scanDirectory,
                    baseDirectory,
                    failOn,
                    formats,
                    includeUserConfigs,
                    history,
                    projectPolicies,
                    bundles,
                    excludeRules,
                    includeRules,
                    severityOverrides,
                    baseline,
                    localRepository,
                    bundleClassLoader,
                    limits,
                    advisories,
                    advisoriesMaxAge,
                    allowExternalGit);
        }
    }
}
