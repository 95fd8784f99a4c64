package dev.mcpsec.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * True positives (imitations of known publishers, with the technique) and false positives (official
 * names of the same vendors, and unrelated names) of the look-alike matcher, against a
 * known-publishers list shaped like the built-in one.
 */
class LookAlikesTest {
    private static final LookAlikes MATCHER =
            new LookAlikes(
                    Map.of(
                            "npm",
                                    List.of(
                                            "@modelcontextprotocol/",
                                            "@playwright/mcp",
                                            "@stripe/mcp",
                                            "@notionhq/notion-mcp-server",
                                            "@supabase/mcp-server-supabase",
                                            "@upstash/context7-mcp",
                                            "@cloudflare/",
                                            "@anthropic-ai/",
                                            "@sentry/mcp-server",
                                            "mcp-remote"),
                            "pypi",
                                    List.of(
                                            "mcp-server-git",
                                            "mcp-server-fetch",
                                            "mcp-server-time",
                                            "awslabs."),
                            "docker",
                                    List.of(
                                            "ghcr.io/github/github-mcp-server",
                                            "mcp/",
                                            "docker.io/mcp/"),
                            "remote",
                                    List.of(
                                            "api.githubcopilot.com",
                                            "mcp.sentry.dev",
                                            "mcp.notion.com",
                                            "mcp.linear.app",
                                            "mcp.stripe.com",
                                            "huggingface.co/mcp",
                                            "mcp.cloudflare.com")));

    @ParameterizedTest(name = "{0} {1} imitates {2} ({3})")
    @CsvSource(
            delimiter = '|',
            value = {
                "npm|@modelcontextprotocol-tools/server-filesystem|@modelcontextprotocol/|scope confusion",
                "npm|@modelcontextprotocoI/server-filesystem|@modelcontextprotocol/|homoglyphs",
                "npm|@rnodelcontextprotocol/server-git|@modelcontextprotocol/|homoglyphs",
                "npm|@modelcontextprotcol/server-memory|@modelcontextprotocol/|edit distance",
                "npm|@strlpe/mcp|@stripe/|homoglyphs",
                "npm|@stirpe/mcp|@stripe/|edit distance",
                "npm|notion-mcp-server|@notionhq/notion-mcp-server|scope confusion",
                "npm|notionhq-notion-mcp-server|@notionhq/notion-mcp-server|scope confusion",
                "npm|@evil/context7-mcp|@upstash/context7-mcp|scope confusion",
                "npm|@anthropic/claude-mcp|@anthropic-ai/|scope confusion",
                "npm|@cloudflare-mcp/workers|@cloudflare/|scope confusion",
                "npm|mcp-rernote|mcp-remote|homoglyphs",
                "npm|mcp-remotes|mcp-remote|edit distance",
                "npm|@plawyright/mcp|@playwright/|edit distance",
                "npm|@ѕupabase/mcp-server-supabase|@supabase/|mixed scripts",
                "pypi|mcp-server-fecth|mcp-server-fetch|edit distance",
                "pypi|mcp_server_gjt|mcp-server-git|edit distance",
                "pypi|mcp-server-tlme|mcp-server-time|homoglyphs",
                "pypi|awslab.aws-documentation-mcp-server|awslabs.|edit distance",
                "oci|ghcr.io/githb/github-mcp-server|ghcr.io/github/github-mcp-server|edit distance",
                "oci|ghcr.io/githubb/github-mcp-server|ghcr.io/github/github-mcp-server|edit distance",
                "oci|rncp/github|mcp/|homoglyphs",
                "remote|mcp.sentyr.dev|mcp.sentry.dev|edit distance",
                "remote|mcp.notlon.com|mcp.notion.com|homoglyphs",
                "remote|mcp.xn--ntion-jye.com|mcp.notion.com|mixed scripts",
                "remote|mcp.linear.app.evil.example|mcp.linear.app|host confusion",
                "remote|stripe.com.mcp-gateway.example|mcp.stripe.com|host confusion",
                "remote|api.githubcopi1ot.com|api.githubcopilot.com|homoglyphs",
                "remote|huggingfaces.co|huggingface.co|edit distance"
            })
    void imitations_areFound(String kind, String name, String imitates, String technique) {
        assertThat(MATCHER.check(kind, name))
                .as(kind + " " + name)
                .contains(new LookAlikes.Imitation(imitates, technique));
    }

    @ParameterizedTest(name = "{0} {1} is no look-alike")
    @CsvSource(
            delimiter = '|',
            value = {
                "npm|@modelcontextprotocol/server-filesystem",
                "npm|@modelcontextprotocol/server-everything",
                "npm|@modelcontextprotocol/inspector",
                "npm|@stripe/agent-toolkit",
                "npm|@notionhq/notion-mcp-server",
                "npm|@notionhq/client",
                "npm|@supabase/mcp-server-postgrest",
                "npm|@cloudflare/mcp-server-cloudflare",
                "npm|@anthropic-ai/claude-code",
                "npm|@playwright/test",
                "npm|@sentry/mcp-server",
                "npm|mcp-remote",
                "npm|@executeautomation/playwright-mcp-server",
                "npm|@acme-internal/tickets-mcp",
                "npm|figma-developer-mcp",
                "npm|mcp-server",
                "npm|@someone/mcp",
                "npm|github:someone/mcp-tools",
                "npm|./local-server",
                "pypi|mcp-server-git",
                "pypi|MCP_Server_Fetch",
                "pypi|awslabs.aws-documentation-mcp-server",
                "pypi|mcp-server-gitlab",
                "pypi|mcp-server-sqlite",
                "pypi|mcp-proxy",
                "oci|ghcr.io/github/github-mcp-server",
                "oci|mcp/time",
                "oci|ghcr.io/github/github-mcp-server-extra",
                "oci|docker.io/mcp/postgres",
                "oci|mcr.microsoft.com/playwright/mcp",
                "oci|postgres",
                "remote|mcp.sentry.dev",
                "remote|eu.mcp.sentry.dev",
                "remote|docs.mcp.cloudflare.com",
                "remote|api.githubcopilot.com",
                "remote|mcp.notion.com",
                "remote|huggingface.co",
                "remote|mcp.sentry.io",
                "remote|mcp.linear.dev",
                "remote|mcp.crm-tools.example.org",
                "remote|localhost"
            })
    void officialAndUnrelatedNames_areNotLookAlikes(String kind, String name) {
        assertThat(MATCHER.check(kind, name)).as(kind + " " + name).isEmpty();
    }

    @Test
    void distance_countsASwapOfNeighboursAsOneEdit() {
        assertThat(LookAlikes.distance("stripe", "stirpe")).isEqualTo(1);
        assertThat(LookAlikes.distance("stripe", "strip")).isEqualTo(1);
        assertThat(LookAlikes.distance("stripe", "strpie")).isEqualTo(1);
        assertThat(LookAlikes.distance("stripe", "stripes!")).isEqualTo(2);
        assertThat(LookAlikes.mixedScripts("nоtion")).isTrue();
        assertThat(LookAlikes.mixedScripts("notion")).isFalse();
    }
}
