package dev.mcpsec.cli;

import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.options.BundleSpec;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Which rules load: extra bundles, project policies, and rules or checklists switched on or off. */
public final class PolicyOptions {

    @Option(names = "--bundle", paramLabel = "PATH|G:A:V",
            description = "Extra policy bundle: a directory, a jar, or groupId:artifactId:version from the local "
                    + "Maven repository (never downloaded); append #sha256=HEX to pin it. Repeatable.")
    List<String> bundles = new ArrayList<>();

    @Option(names = "--project-policies",
            description = "Also load PATH/.mcpsec/policies (off by default: DRL is code).")
    boolean projectPolicies;

    @Option(names = "--exclude-rule", paramLabel = "ID", description = "Turn off a rule id or checklist id. Repeatable.")
    List<String> excludeRules = new ArrayList<>();

    @Option(names = "--include-rule", paramLabel = "ID",
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
     * A relative bundle path means relative to where mcpsec was started (when it exists there); coordinates pass
     * through unchanged.
     */
    private static String resolveBundle(String spec, Environment env) {
        return BundleSpec.resolvePath(spec, target -> {
            Path path = env.resolve(target);
            return Files.exists(path) ? path.toString() : target;
        });
    }
}
