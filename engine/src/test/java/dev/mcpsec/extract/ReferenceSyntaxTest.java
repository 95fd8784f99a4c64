package dev.mcpsec.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceSyntaxTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "claude-code|STRIPE_SECRET_KEY|${STRIPE_SECRET_KEY}",
                "cursor|--api-key|${env:API_KEY}",
                "opencode|GITHUB_TOKEN|{env:GITHUB_TOKEN}",
                "gemini|x-api-key|$X_API_KEY",
                "continue|SUPABASE_ACCESS_TOKEN|${{ secrets.SUPABASE_ACCESS_TOKEN }}",
                "vscode|GITHUB_PAT|${input:github-pat} or ${env:GITHUB_PAT}",
                "claude-code||${SECRET}",
                "cursor|3|${env:SECRET}",
            })
    void eachClient_getsAReferenceInItsOwnSyntax(String client, String variable, String expected) {
        assertThat(ReferenceSyntax.suggest(client, variable)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"claude-desktop", "cline", "zed"})
    void clientsWithoutInterpolation_areToldToKeepTheFileOutOfGit(String client) {
        assertThat(ReferenceSyntax.of(client)).isNull();
        assertThat(ReferenceSyntax.suggest(client, "KEY")).contains("keep the file out of git");
    }
}
