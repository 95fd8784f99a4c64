package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FakeSecretsTest {

    @Test
    void everyKind_generatesDifferentValuesForDifferentSeeds() {
        for (String kind : FakeSecrets.KINDS) {
            assertThat(FakeSecrets.generate(kind, new Random(1)))
                    .as(kind)
                    .isNotEqualTo(FakeSecrets.generate(kind, new Random(2)));
        }
    }

    @Test
    void githubAndNpmFakes_carryAValidChecksum() {
        Random rnd = new Random(8);
        assertThat(GithubChecksum.isValid(FakeSecrets.generate("github-classic", rnd).substring(4)))
                .isTrue();
        assertThat(GithubChecksum.isValid(FakeSecrets.generate("npm", rnd).substring(4))).isTrue();
        assertThat(
                        GithubChecksum.isValid(
                                FakeSecrets.generate("github-classic-bad-checksum", rnd)
                                        .substring(4)))
                .isFalse();
    }

    @Test
    void expandFakes_reusesOneValuePerTokenWithinACall() {
        String out =
                FakeSecrets.expandFakes(
                        "a=@@FAKE:stripe-live@@ b=@@FAKE:stripe-live@@ c=@@FAKE:npm@@",
                        new Random(4));
        String[] parts = out.split(" ");
        assertThat(parts[0].substring(2)).isEqualTo(parts[1].substring(2)).startsWith("sk_live_");
        assertThat(parts[2]).startsWith("c=npm_");
        assertThat(out).doesNotContain("@@");
    }

    @Test
    void unknownKind_namesTheKnownKinds() {
        assertThatThrownBy(() -> FakeSecrets.expandFakes("@@FAKE:nope@@", new Random()))
                .hasMessageContaining("unknown fake secret kind 'nope'")
                .hasMessageContaining("stripe-live");
    }
}
