package dev.mcpsec.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    @Test
    void pep503_lowerCasesAndFoldsSeparators() {
        assertThat(Names.pep503("AWSLabs.Core_MCP--Server")).isEqualTo("awslabs-core-mcp-server");
        assertThat(Names.pep503(null)).isNull();
    }

    @ParameterizedTest(name = "{0} {1} ~ {2} -> {3}")
    @CsvSource({
        "npm, @google-cloud/, @google-cloud/gcloud-mcp, true",
        "npm, @google-cloud/, @google-cloud-x/gcloud-mcp, false",
        "npm, @google-cloud/, @googlecloud/gcloud-mcp, false",
        "npm, chrome-devtools-mcp, chrome-devtools-mcp, true",
        "npm, chrome-devtools-mcp, chrome-devtools-mcp-pro, false",
        "pypi, awslabs., awslabs.ecs-mcp-server, true",
        "pypi, awslabs., awslabs-ecs-mcp-server, true",
        "pypi, awslabs., AWSLabs_ECS_MCP_Server, true",
        "pypi, awslabs., awslabsx-ecs, false",
        "pypi, e2b-mcp-server, E2B_MCP.Server, true",
        "npm, e2b-mcp-server, E2B_MCP.Server, false",
    })
    void packages_matchByNameOrPrefix(
            String ecosystem, String entry, String name, boolean expected) {
        assertThat(Names.packageMatches(ecosystem, entry, name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1} {2} -> {3}")
    @CsvSource({
        "vercel.com, mcp.vercel.com, https://mcp.vercel.com, true",
        "vercel.com, vercel.com, https://vercel.com/mcp, true",
        "vercel.com, evilvercel.com, https://evilvercel.com/mcp, false",
        "vercel.com, vercel.com.example.org, https://vercel.com.example.org/mcp, false",
        "huggingface.co/mcp, huggingface.co, https://huggingface.co/mcp, true",
        "huggingface.co/mcp, huggingface.co, https://huggingface.co/mcp?login, true",
        "huggingface.co/mcp, huggingface.co, https://huggingface.co/mcp/x, true",
        "huggingface.co/mcp, huggingface.co, https://huggingface.co/mcpevil, false",
        "huggingface.co/mcp, huggingface.co, https://huggingface.co/spaces/x/mcp, false",
        "huggingface.co/mcp, sub.huggingface.co, https://sub.huggingface.co/mcp, false",
    })
    void hosts_matchByDomainOrHostAndPath(String entry, String host, String url, boolean expected) {
        assertThat(Names.hostMatches(entry, host, url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "get_issue, true",
        "brave_web_search, true",
        "ListTables, true",
        "resolve-library-id, true",
        "GetTrigger, true",
        "tavily-extract, true",
        "sequentialthinking, true",
        "save_answer_query_direct, false",
        "run_code, false",
        "execute_sql, false",
        "browser_navigate, false",
        "create_entities, false",
        "merge_pull_request, false",
        "*, false",
        "AHK_Alpha, false",
        "'', false",
    })
    void toolNames_readOnlyByTheirFirstVerb(String tool, boolean expected) {
        assertThat(Names.readOnlyTool(tool)).isEqualTo(expected);
    }

    @Test
    void repositoryScripts_areRelativeNodeOrPythonLaunches() {
        assertThat(Names.repositoryScript(server("node", null, "npx", "tsx", "src/server.ts")))
                .isTrue();
        assertThat(Names.repositoryScript(server("python", null, "uv", "run", "server.py")))
                .isTrue();
        assertThat(Names.repositoryScript(server("node", null, "node", "/Users/dev/mcp/index.js")))
                .isFalse();
        assertThat(Names.repositoryScript(server("node", null, "node", "C:\\tools\\mcp\\index.js")))
                .isFalse();
        assertThat(Names.repositoryScript(server("npx", "@stripe/mcp", "npx", "-y", "@stripe/mcp")))
                .isFalse();
    }

    private static McpServer server(String launcher, String pkg, String command, String... args) {
        return new McpServer(
                "s",
                ".mcp.json",
                1,
                1,
                "claude-code",
                "project",
                "stdio",
                command,
                List.of(args),
                null,
                null,
                launcher,
                pkg == null ? null : "npm",
                pkg,
                null,
                null,
                false);
    }

    @Test
    void variableHost_isAHostThatIsWhollyAVariable() {
        assertThat(Names.variableHost("${input:home-assistant-domain}")).isTrue();
        assertThat(Names.variableHost("${env:mcp_host}")).isTrue();
        assertThat(Names.variableHost("$mcp_host")).isTrue();
        assertThat(Names.variableHost("%mcp_host%")).isTrue();
        assertThat(Names.variableHost("{{host}}")).isTrue();
        assertThat(Names.variableHost("${input:tenant}.relay.example.net")).isFalse();
        assertThat(Names.variableHost("relay.example.net")).isFalse();
        assertThat(Names.variableHost(null)).isFalse();
    }
}
