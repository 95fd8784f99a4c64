package dev.mcpsec.report;

import dev.mcpsec.api.CredentialSummary;
import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.ServerSummary;
import dev.mcpsec.api.Severity;
import dev.mcpsec.api.SuppressedFinding;
import dev.mcpsec.testsupport.ReportSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One fixed scan result behind the golden files, plus helpers to build variations and render them.
 */
final class ReportFixtures {

    static final String HOSTILE_SERVER = "<script>alert(1)</script>";
    static final String BUILTIN = "builtin@0.1.0";

    private ReportFixtures() {}

    static ScanResult sample() {
        List<FileSummary> files =
                List.of(
                        new FileSummary(
                                ".mcp.json",
                                "claude-code",
                                "project",
                                "json",
                                true,
                                false,
                                2,
                                null),
                        new FileSummary(
                                ".claude/settings.json",
                                "claude-code",
                                "project",
                                "json",
                                true,
                                false,
                                0,
                                null),
                        new FileSummary(
                                ".cursor/mcp.json",
                                "cursor",
                                "project",
                                "json",
                                false,
                                true,
                                0,
                                "line 4, column 3: unexpected character '}' (expected a value)"),
                        new FileSummary(
                                "~/.claude.json",
                                "claude-code",
                                "user",
                                "json",
                                null,
                                null,
                                2,
                                null));
        List<ServerSummary> servers =
                List.of(
                        new ServerSummary(
                                ".mcp.json",
                                5,
                                "stripe",
                                "claude-code",
                                "project",
                                "stdio",
                                "npx",
                                null,
                                "@stripe/mcp",
                                null,
                                false),
                        new ServerSummary(
                                ".mcp.json",
                                12,
                                "postgres",
                                "claude-code",
                                "project",
                                "stdio",
                                "npx",
                                null,
                                "@modelcontextprotocol/server-postgres",
                                "0.6.2",
                                false),
                        new ServerSummary(
                                "~/.claude.json",
                                10,
                                HOSTILE_SERVER,
                                "claude-code",
                                "user",
                                "stdio",
                                "npx",
                                null,
                                "evil-mcp",
                                null,
                                false),
                        new ServerSummary(
                                "~/.claude.json",
                                20,
                                "docs",
                                "claude-code",
                                "user",
                                "http",
                                null,
                                "https://mcp.example.com/mcp",
                                null,
                                null,
                                true));
        List<Finding> findings =
                List.of(
                        finding(
                                "MCP-STRIPE-001",
                                "stripe-test-keys",
                                Severity.CRITICAL,
                                "Stripe key is not a test key",
                                "Stripe secret key sk_live_…a1B2 in env STRIPE_SECRET_KEY is live tier",
                                ".mcp.json",
                                7,
                                30,
                                "stripe",
                                null,
                                "Give MCP servers a test-mode key (sk_test_…) and rotate the live key."),
                        finding(
                                "MCP-PIN-001",
                                "pinned-versions",
                                Severity.LOW,
                                "Package version is not pinned",
                                "Package @stripe/mcp is launched without a pinned version",
                                ".mcp.json",
                                6,
                                18,
                                "stripe",
                                null,
                                "Pin the reviewed version, e.g. @stripe/mcp@0.2.4."),
                        finding(
                                "MCP-DB-001",
                                "dev-database",
                                Severity.HIGH,
                                "Database is not a development database",
                                "Database URL points at host db.prod.internal",
                                ".mcp.json",
                                15,
                                12,
                                "postgres",
                                null,
                                "Point the server at a development database."),
                        finding(
                                "MCP-COMMIT-001",
                                "committed-secrets",
                                Severity.CRITICAL,
                                "Secret committed to git",
                                "A live Stripe key (sk_live_…a1B2) sits in .mcp.json, which git tracks",
                                ".mcp.json",
                                7,
                                30,
                                "stripe",
                                null,
                                "Remove the key, rotate it, and reference ${STRIPE_SECRET_KEY} instead."),
                        finding(
                                "MCP-AUTO-001",
                                "client-auto-approve",
                                Severity.MEDIUM,
                                "Client approves servers wholesale",
                                "enableAllProjectMcpServers is true: every project server starts without asking",
                                ".claude/settings.json",
                                3,
                                5,
                                null,
                                null,
                                "Remove enableAllProjectMcpServers or set it to false."),
                        finding(
                                "MCP-HIST-001",
                                "history-secrets",
                                Severity.HIGH,
                                "Secret in git history",
                                "GitHub token ghp_…Zx9Q was committed and later removed",
                                ".mcp.json",
                                9,
                                0,
                                null,
                                "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807",
                                "Rotate the token: deleting it from HEAD does not delete it from history."),
                        finding(
                                "MCP-TRUST-001",
                                "trusted-publishers",
                                Severity.MEDIUM,
                                "Package from an unknown publisher",
                                "Package `evil-mcp` | latest is not from a known publisher",
                                "~/.claude.json",
                                12,
                                9,
                                HOSTILE_SERVER,
                                null,
                                "Review the source, then add the publisher to your org's list."));
        List<SuppressedFinding> suppressed =
                List.of(
                        new SuppressedFinding(
                                finding(
                                        "MCP-REVIEW-001",
                                        "source-reviewed",
                                        Severity.LOW,
                                        "Server not reviewed",
                                        "Server stripe has no entry in the review register",
                                        ".mcp.json",
                                        5,
                                        5,
                                        "stripe",
                                        null,
                                        "Review the server and run mcpsec review add stripe."),
                                "accepted in baseline",
                                "baseline"),
                        new SuppressedFinding(
                                finding(
                                        "MCP-TRUST-001",
                                        "trusted-publishers",
                                        Severity.MEDIUM,
                                        "Package from an unknown publisher",
                                        "Package @modelcontextprotocol/server-postgres is not "
                                                + "from a known publisher",
                                        ".mcp.json",
                                        12,
                                        9,
                                        "postgres",
                                        null,
                                        "Review the source, then add the publisher to your org's list."),
                                "accepted in baseline",
                                "baseline"),
                        new SuppressedFinding(
                                finding(
                                        "MCP-REVIEW-001",
                                        "source-reviewed",
                                        Severity.LOW,
                                        "Server not reviewed",
                                        "Server docs has no entry in the review register",
                                        "~/.claude.json",
                                        20,
                                        5,
                                        "docs",
                                        null,
                                        "Review the server and run mcpsec review add docs."),
                                "internal docs server",
                                "config"));
        List<ScanWarning> warnings =
                List.of(
                        new ScanWarning(
                                "~/.cursor/mcp.json",
                                0,
                                "file is larger than 1048576 bytes; skipped"),
                        new ScanWarning(
                                null,
                                0,
                                "git history not scanned: the repository is a shallow clone"));
        List<RuleInfo> rules =
                List.of(
                        rule(
                                "MCP-STRIPE-001",
                                "stripe-test-keys",
                                Severity.CRITICAL,
                                "Stripe key is not a test key",
                                "Stripe secret and restricted keys given to MCP servers must be test-mode keys.",
                                "Give MCP servers a test-mode key (sk_test_…) and rotate the live key."),
                        rule(
                                "MCP-COMMIT-001",
                                "committed-secrets",
                                Severity.CRITICAL,
                                "Secret committed to git",
                                "A literal secret in a tracked file is readable by everyone with the repository.",
                                "Remove the key, rotate it, and reference an environment variable instead."),
                        rule(
                                "MCP-DB-001",
                                "dev-database",
                                Severity.HIGH,
                                "Database is not a development database",
                                "MCP servers should reach development databases only.",
                                "Point the server at a development database."),
                        rule(
                                "MCP-AUTO-001",
                                "client-auto-approve",
                                Severity.MEDIUM,
                                "Client approves servers wholesale",
                                "The client starts servers or runs tools without asking the user.",
                                "Remove enableAllProjectMcpServers or set it to false."),
                        rule(
                                "MCP-TRUST-001",
                                "trusted-publishers",
                                Severity.MEDIUM,
                                "Package from an unknown publisher",
                                "The launched package is not on the known-publishers list.",
                                "Review the source, then add the publisher to your org's list."),
                        rule(
                                "MCP-PIN-001",
                                "pinned-versions",
                                Severity.LOW,
                                "Package version is not pinned",
                                "Without a pinned version, what runs is not what was reviewed.",
                                "Pin the reviewed version."),
                        rule(
                                "MCP-REVIEW-001",
                                "source-reviewed",
                                Severity.LOW,
                                "Server not reviewed",
                                "Every server's source is reviewed before it gets credentials.",
                                "Review the server and record it with mcpsec review add."));
        List<dev.mcpsec.api.AppliedBundle> bundles =
                List.of(
                        new dev.mcpsec.api.AppliedBundle(
                                "builtin",
                                "0.1.0",
                                "classpath",
                                "9f2c4e0b7d1a3c5e9f2c4e0b7d1a3c5e9f2c4e0b7d1a3c5e9f2c4e0b7d1a3c5e"),
                        new dev.mcpsec.api.AppliedBundle(
                                "acme",
                                "1.2.0",
                                "/home/dev/.m2/acme-mcp-policies-1.2.0.jar",
                                "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"));
        List<dev.mcpsec.api.RuleOverride> overrides =
                List.of(
                        new dev.mcpsec.api.RuleOverride(
                                "disable",
                                "MCP-ROT-001",
                                "key-rotation",
                                null,
                                null,
                                ".mcpsec/config.json",
                                "tokens are minted per CI run"),
                        new dev.mcpsec.api.RuleOverride(
                                "severity",
                                "MCP-PIN-001",
                                "MCP-PIN-001",
                                Severity.LOW,
                                Severity.MEDIUM,
                                "bundle acme@1.2.0",
                                "unpinned servers broke a release"));
        List<CredentialSummary> credentials =
                List.of(
                        new CredentialSummary(
                                ".mcp.json",
                                7,
                                "stripe",
                                "claude-code",
                                "env.STRIPE_SECRET_KEY",
                                "stripe-secret",
                                "live",
                                "sk_live_…a1B2",
                                true),
                        new CredentialSummary(
                                ".mcp.json",
                                15,
                                "postgres",
                                "claude-code",
                                "args[2]",
                                "database-url",
                                "unknown",
                                "postgres://app:…@db.prod.internal/app",
                                true),
                        new CredentialSummary(
                                "~/.claude.json",
                                14,
                                HOSTILE_SERVER,
                                "claude-code",
                                "env.API_KEY",
                                "generic",
                                "test",
                                "tk_…<b>x",
                                false));
        return new ScanResult(
                "0.1.0",
                "/home/dev/project",
                files,
                servers,
                findings,
                suppressed,
                warnings,
                rules,
                412,
                bundles,
                overrides,
                credentials);
    }

    static Finding finding(
            String ruleId,
            String checklist,
            Severity severity,
            String title,
            String message,
            String file,
            int line,
            int column,
            String server,
            String commit,
            String remediation) {
        String fingerprint =
                Integer.toHexString(
                        (ruleId + "|" + file + "|" + server + "|" + message).hashCode());
        return new Finding(
                ruleId,
                checklist,
                severity,
                title,
                message,
                file,
                line,
                column,
                server,
                "claude-code",
                commit,
                remediation,
                fingerprint,
                BUILTIN);
    }

    static RuleInfo rule(
            String id,
            String checklist,
            Severity severity,
            String title,
            String description,
            String remediation) {
        return new RuleInfo(
                id,
                checklist,
                severity,
                title,
                description,
                remediation,
                null,
                BUILTIN,
                "builtin/" + id + ".drl");
    }

    static ScanResult withFindings(List<Finding> findings) {
        ScanResult s = sample();
        return new ScanResult(
                s.toolVersion(),
                s.root(),
                s.files(),
                s.servers(),
                findings,
                List.of(),
                List.of(),
                s.rules(),
                s.durationMs(),
                List.of(),
                List.of(),
                s.credentials());
    }

    static String render(ReportFormat format, ScanResult result, ReportOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Reporters.get(format).write(result, out, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String report = out.toString(StandardCharsets.UTF_8);
        // every report of a format with a published schema that a test renders is checked against
        // it
        ReportSchemas.assertValid(format.id(), report, "rendered by a test");
        return report;
    }

    static String render(ReportFormat format, ScanResult result) {
        return render(format, result, new ReportOptions(false, false, null));
    }
}
