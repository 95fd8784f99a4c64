package dev.mcpsec.cli;

import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.options.BundleSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which rules load: extra bundles, project policies, and rules or checklists switched on or off.
 */
public final class PolicyOptions {

    @Option(
            names = "--bundle",
            paramLabel = "PATH|G:A:V",
            description =
                    "Extra policy bundle: a path written as one (./dir, /dir, x.jar) or groupId:artifactId:version "
                            + "from the local Maven repository (never downloaded); append #sha256=HEX to pin it. A bundle "
                            + "inside the scanned tree needs --project-policies. Repeatable.")
    List<String> bundles = new ArrayList<>();

    @Option(
            names = "--project-policies",
            description = "Also load PATH/.mcpsec/policies (off by default: DRL is code).")
    boolean projectPolicies;

    @Option(
            names = "--exclude-rule",
            paramLabel = "ID",
            description = "Turn off a rule id or checklist id. Repeatable.")
    List<String> excludeRules = new ArrayList<>();

    @Option(
            names = "--include-rule",
            paramLabel = "ID",
            description = "Run only these rule ids or checklist ids. Repeatable.")
    List<String> includeRules = new ArrayList<>();

    /** Copies these options onto a request builder. */
    ScanRequest.Builder applyTo(ScanRequest.Builder builder, Environment env) {
        List<String> resolved = new ArrayList<>();
        for (String bundle : bundles) {
            resolved.add(resolveBundle(bundle, env));
        }
        return builder.bundles(resolved)
                .projectPolicies(projectPolicies)
                .excludeRules(new LinkedHashSet<>(excludeRules))
                .includeRules(new LinkedHashSet<>(includeRules))
                .localRepository(env.home().resolve(".m2").resolve("repository"));
    }

    /**
     * A spec written as a path ({@code ./x}, {@code /x}, {@code x.jar}) means relative to where
     * mcpsec was started; anything else (coordinates, or a bare name the engine refuses) passes
     * through unchanged: never looked up as a file, so a folder named like coordinates cannot stand
     * in for a bundle.
     */
    private static String resolveBundle(String spec, Environment env) {
        return BundleSpec.resolvePath(spec, target -> env.resolve(target).toString());
    }
}
