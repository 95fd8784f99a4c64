package dev.mcpsec.cli;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.fleet.FleetRequest;
import dev.mcpsec.fleet.FleetScanner;
import dev.mcpsec.fleet.Shard;
import dev.mcpsec.options.FailOn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcpsec fleet PATH...}: scans every repository of an organisation in one process. */
@Command(
        name = "fleet",
        mixinStandardHelpOptions = true,
        description = {
            "Scan many repositories in one process: folders of clones or bare mirrors "
                    + "(git clone --mirror), single repositories, or list files with one path per line.",
            "Writes org-report.json, org-report.html (and with --sarif one SARIF file per repository) into "
                    + "the output folder, the only place it writes. Project policies of scanned repositories "
                    + "never run."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.OK_LINE,
            "1:Findings at or above --fail-on, or a repository could not be scanned.",
            ExitCodes.USAGE_LINE,
            ExitCodes.INTERNAL_LINE
        })
public final class FleetCommand implements Callable<Integer> {
    static final String SALT_VARIABLE = "MCPSEC_FLEET_SALT";
    static final String SALT_FILE = "fleet-salt";

    private final Context context;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description = "A repository, a folder of repositories, or a list file.")
    List<String> paths;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            defaultValue = "mcpsec-fleet",
            description =
                    "Output folder (default: ${DEFAULT-VALUE}); its cache makes the next run incremental.")
    String output;

    @Option(
            names = "--shard",
            paramLabel = "I/N",
            description =
                    "Scan only part I of N (by repository name hash); join the parts with 'mcpsec merge'.")
    String shard;

    @Option(
            names = "--workers",
            paramLabel = "N",
            defaultValue = "0",
            description = "Repositories scanned at once (default: one per core).")
    int workers;

    @Option(
            names = "--no-cache",
            description = "Scan every repository, even those unchanged since the last run.")
    boolean noCache;

    @Option(
            names = "--since",
            description =
                    "For a changed repository, read only the git history added since this output folder's "
                            + "last run (the whole history when a ref was rewritten or the last walk was cut short).")
    boolean since;

    @Option(
            names = "--sarif",
            description = "Also write sarif/<repository>.sarif for each repository.")
    boolean sarif;

    @Option(
            names = "--salt-file",
            paramLabel = "FILE",
            description =
                    "Secret salt of the credential fingerprints; every shard must use the same one "
                            + "(or set "
                            + SALT_VARIABLE
                            + "). Default: DIR/"
                            + SALT_FILE
                            + ", made on the first run.")
    String saltFile;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "high",
            converter = FailOnConverter.class,
            description =
                    "Exit 1 when a repository has a finding at or above this, or could not be scanned: "
                            + "critical, high, medium, low, info, never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Mixin ScopeOptions scope;

    @Mixin PolicyOptions policies;

    @Mixin CommonOptions common;

    public FleetCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment env = context.env();
        if (scope.user) {
            throw new ConfigurationException(
                    "user", "--user does not apply to fleet: it scans repositories only");
        }
        if (scope.system) {
            throw new ConfigurationException(
                    "system", "--system does not apply to fleet: it scans repositories only");
        }
        if (workers < 0) {
            throw new ConfigurationException(
                    "workers", "--workers must be 0 (one per core) or more, got " + workers);
        }
        if (policies.projectPolicies && !common.quiet) {
            env.err()
                    .println(
                            "mcpsec: --project-policies is ignored by fleet: policies of scanned repositories "
                                    + "never run");
        }
        Shard part = shard == null ? null : Shard.parse(shard);
        Path out = env.resolve(output);
        String salt = salt(env, out, part);
        List<Path> inputs = paths.stream().map(env::resolve).toList();
        FleetRequest request =
                new FleetRequest(
                        inputs,
                        out,
                        root -> {
                            ScanRequest.Builder b = ScanRequest.builder(root);
                            scope.applyTo(b, env);
                            policies.applyTo(b, env);
                            return b;
                        },
                        workers,
                        part,
                        !noCache,
                        since,
                        salt,
                        sarif,
                        common.progress(env) ? p -> FleetSummary.progress(env.err(), p) : null);
        FleetScanner.FleetResult result = context.engine().fleet(request);
        return FleetSummary.print(env.out(), result, failOn, env.workingDirectory());
    }

    /**
     * The salt: --salt-file, the environment variable, or one kept in the output folder (not with
     * --shard).
     */
    private String salt(Environment env, Path out, Shard part) {
        if (saltFile != null) {
            return readSalt(env.resolve(saltFile));
        }
        String fromEnv = env.variables().get(SALT_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        if (part != null) {
            throw new ConfigurationException(
                    "salt",
                    "--shard needs the same salt in every job: pass --salt-file "
                            + "FILE or set "
                            + SALT_VARIABLE
                            + " (a random secret, e.g. from your CI's secret store)");
        }
        Path file = out.resolve(SALT_FILE);
        if (Files.isRegularFile(file)) {
            return readSalt(file);
        }
        try {
            Files.createDirectories(out);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String salt = HexFormat.of().formatHex(bytes);
            Files.writeString(file, salt + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions apply
            }
            return salt;
        } catch (IOException e) {
            throw new ConfigurationException(
                    "salt", "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readSalt(Path file) {
        try {
            String salt = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (salt.length() < 16) {
                throw new ConfigurationException(
                        "salt", "the salt in " + file + " is shorter than 16 characters");
            }
            return salt;
        } catch (IOException e) {
            throw new ConfigurationException(
                    "salt", "cannot read the salt file " + file + ": " + e.getMessage(), e);
        }
    }
}
