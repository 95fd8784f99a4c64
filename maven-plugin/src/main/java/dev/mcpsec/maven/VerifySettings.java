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
     * Settings without advisory parameters and without {@code allowExternalGit} (the defaults
     * apply).
     */
    public VerifySettings(
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
            Map<String, String> limits) {
        this(
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
                null,
                null,
                false);
    }

    /** Settings with advisory parameters, without {@code allowExternalGit} (off). */
    public VerifySettings(
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
            Integer advisoriesMaxAge) {
        this(
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
                false);
    }

    /** Settings without advisory parameters (the defaults apply). */
    public VerifySettings(
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
            boolean allowExternalGit) {
        this(
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
                null,
                null,
                allowExternalGit);
    }
}
