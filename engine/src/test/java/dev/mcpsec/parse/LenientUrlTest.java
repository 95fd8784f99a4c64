package dev.mcpsec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** URLs as clients (WHATWG URL) read them, where {@code java.net.URI} gives up. */
class LenientUrlTest {
    @Test
    void hostsThatUriCannotGive() {
        assertThat(LenientUrl.host("http:/evil.example.com/mcp")).isEqualTo("evil.example.com");
        assertThat(LenientUrl.host("  HTTP://Evil.Example.com:8080/mcp "))
                .isEqualTo("evil.example.com");
        assertThat(LenientUrl.host("http:\\\\evil.example.com\\mcp")).isEqualTo("evil.example.com");
        assertThat(LenientUrl.host("http://my_host.example.com/")).isEqualTo("my_host.example.com");
        assertThat(LenientUrl.host("http://u:p@evil.example.com/a b?q={x}|^"))
                .isEqualTo("evil.example.com");
        assertThat(LenientUrl.host("https://%65vil.example.com/")).isEqualTo("evil.example.com");
        assertThat(LenientUrl.host("http://[::1]:3000/mcp")).isEqualTo("[::1]");
        assertThat(LenientUrl.host("ht\ntp://evil.example.com")).isEqualTo("evil.example.com");
        // found by HardeningFuzzTest#lenientUrl: characters outside the BMP were decoded one half
        // at a time
        assertThat(LenientUrl.host("https://%41\uD83D\uDE00.example/"))
                .isEqualTo("a\uD83D\uDE00.example");
    }

    @Test
    void normalFormStartsWithTheSchemeAndTwoSlashes() {
        assertThat(LenientUrl.normalize(" http:/evil.example.com\\mcp"))
                .isEqualTo("http://evil.example.com/mcp");
        assertThat(LenientUrl.normalize("WSS:///h/x")).isEqualTo("wss://h/x");
        assertThat(LenientUrl.normalize("stdio")).isEqualTo("stdio");
        assertThat(LenientUrl.normalize("file:///etc/x")).isEqualTo("file:///etc/x");
        assertThat(LenientUrl.host("not a url")).isNull();
        assertThat(LenientUrl.host("http://")).isNull();
    }

    @Test
    void aClientVariableInTheHostIsKeptWholeNotSplitAtItsColon() {
        assertThat(LenientUrl.host("https://${input:home-assistant-domain}/mcp_server/sse"))
                .isEqualTo("${input:home-assistant-domain}");
        assertThat(LenientUrl.host("https://${env:MCP_HOST}:8443/mcp"))
                .isEqualTo("${env:mcp_host}");
        assertThat(LenientUrl.host("https://${input:tenant}.relay.example.net/mcp"))
                .isEqualTo("${input:tenant}.relay.example.net");
        assertThat(LenientUrl.host("https://relay.example.net:8443/${input:path}"))
                .isEqualTo("relay.example.net");
    }
}
