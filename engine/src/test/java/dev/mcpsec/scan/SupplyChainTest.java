package dev.mcpsec.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupplyChainTest {

    @Test
    void theVendorPublisherFile_feedsTheLookAlikeNames_byKind() {
        assertThat(SupplyChain.officialKey("publishers", "cloudflare/npm")).isEqualTo("npm");
        assertThat(SupplyChain.officialKey("publishers", "aws/pypi")).isEqualTo("pypi");
        assertThat(SupplyChain.officialKey("publishers", "hashicorp/docker")).isEqualTo("docker");
        assertThat(SupplyChain.officialKey("publishers", "cloudflare/host")).isEqualTo("remote");
    }

    @Test
    void sourcesAndOtherLists_areNotNames() {
        assertThat(SupplyChain.officialKey("publishers", "cloudflare/source")).isNull();
        assertThat(SupplyChain.officialKey("publishers", "npm")).isNull();
        assertThat(SupplyChain.officialKey("dev-hosts", "marker")).isNull();
        assertThat(SupplyChain.officialKey("known-publishers", "npm")).isEqualTo("npm");
    }
}
