package dev.mcpsec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PositionalReaderTest {

    private static final ScanLimits LIMITS = ScanLimits.defaults();

    private static ReadResult read(String text, String format) {
        return PositionalReader.read(text.getBytes(StandardCharsets.UTF_8), format, LIMITS);
    }

    @Test
    void jsonValues_keepTheirLineAndColumn() {
        ReadResult r =
                read("{\n  \"mcpServers\": {\n    \"fs\": {\"command\": \"npx\"}\n  }\n}", "json");
        assertThat(r.error()).isNull();
        PNode fs = r.root().path("mcpServers", "fs");
        assertThat(fs.keyLine()).isEqualTo(3);
        assertThat(fs.keyColumn()).isEqualTo(5);
        PNode cmd = fs.get("command");
        assertThat(cmd.text()).isEqualTo("npx");
        assertThat(cmd.line()).isEqualTo(3);
        assertThat(cmd.column()).isEqualTo(23);
    }

    @Test
    void jsoncCommentsTrailingCommasAndSingleQuotes_areAccepted() {
        ReadResult r =
                read(
                        "// header\n{ /* c */ 'servers': {\"a\": {\"url\": \"https://x\",},},\n}",
                        "jsonc");
        assertThat(r.error()).isNull();
        assertThat(r.root().path("servers", "a", "url").text()).isEqualTo("https://x");
    }

    @Test
    void crlfLineEndings_countLinesOnce() {
        ReadResult r = read("{\r\n\"a\": {\r\n\"b\": \"c\"\r\n}\r\n}\r\n", "json");
        assertThat(r.root().path("a", "b").line()).isEqualTo(3);
    }

    @Test
    void yamlValues_keepTheirLines() {
        ReadResult r =
                read(
                        "name: x\nmcpServers:\n  - name: db\n    command: npx\n    args: [\"-y\", \"pkg\"]\n",
                        "yaml");
        assertThat(r.error()).isNull();
        PNode item = r.root().get("mcpServers").items().get(0);
        assertThat(item.get("command").line()).isEqualTo(4);
        assertThat(item.get("command").column()).isEqualTo(14);
        assertThat(item.get("args").items().get(1).text()).isEqualTo("pkg");
    }

    @Test
    void tomlTablesKeysAndArrayItems_getLinesFromTheText() {
        String toml =
                "model = \"x\"\n\n[mcp_servers.github]\nurl = \"https://h\"\n\n[mcp_servers.\"my.fs\"]\n"
                        + "command = \"npx\"\nargs = [\n  \"-y\",\n  \"pkg\",\n]\n[mcp_servers.\"my.fs\".env]\nA = \"b\"\n";
        ReadResult r = read(toml, "toml");
        assertThat(r.error()).isNull();
        PNode servers = r.root().get("mcp_servers");
        assertThat(servers.get("github").keyLine()).isEqualTo(3);
        assertThat(servers.path("github", "url").line()).isEqualTo(4);
        PNode fs = servers.get("my.fs");
        assertThat(fs.keyLine()).isEqualTo(6);
        assertThat(fs.get("command").line()).isEqualTo(7);
        assertThat(fs.get("command").column()).isEqualTo(11);
        assertThat(fs.get("args").items().get(1).line()).isEqualTo(10);
        assertThat(fs.path("env", "A").line()).isEqualTo(13);
    }

    @Test
    void tomlArrayOfTables_areIndexed() {
        ReadResult r = read("[[a]]\nx = 1\n[[a]]\nx = 2\n", "toml");
        assertThat(r.root().get("a").items().get(1).get("x").line()).isEqualTo(4);
    }

    @Test
    void malformedJson_isAnErrorWithAPosition() {
        ReadResult r = read("{\n  \"a\": {\n    \"b\": 1\n  }\n", "json");
        assertThat(r.root()).isNull();
        assertThat(r.error()).matches("\\d+:\\d+: .+").doesNotStartWith("0:0");
    }

    @Test
    void malformedTomlAndYaml_areErrorsNotExceptions() {
        assertThat(read("[mcp_servers.x\ncommand = ", "toml").error()).matches("\\d+:\\d+: .+");
        assertThat(read("a: [b\nc: d: e\n", "yaml").error()).matches("[1-9]\\d*:\\d+: .+");
    }

    @Test
    void unquotedTokensInErrors_areShortened() {
        String token = "sk_" + "live_" + "A".repeat(24);
        ReadResult r = read("{\"env\": {\"KEY\": " + token + "}}", "json");
        assertThat(r.error()).isNotNull().doesNotContain(token);
    }

    @Test
    void emptyAndCommentOnlyFiles_areWarningsNotErrors() {
        assertThat(read("", "json").warnings()).contains("empty file");
        assertThat(read("  \n", "yaml").error()).isNull();
        ReadResult commentOnly = read("// nothing\n", "jsonc");
        assertThat(commentOnly.error()).isNull();
        assertThat(commentOnly.root()).isNull();
    }

    @Test
    void binaryContent_isRejectedWithItsPosition() {
        byte[] bytes = {'{', '\n', 'a', 0, 'b'};
        assertThat(PositionalReader.read(bytes, "json", LIMITS).error()).startsWith("2:2: binary");
    }

    @Test
    void invalidUtf8_isReadLenientlyAndReportedIncomplete() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ReadResult r = PositionalReader.read(bytes, "json", LIMITS);
        assertThat(r.error()).isNull();
        assertThat(r.incomplete()).startsWith("1:7: not valid UTF-8");
        assertThat(r.root().get("a").text()).isEqualTo("\uFFFD(");
    }

    @Test
    void utf8ByteOrderMark_isSkippedWithAWarning() {
        byte[] body = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        ReadResult r = PositionalReader.read(bytes, "json", LIMITS);
        assertThat(r.error()).isNull();
        assertThat(r.root().get("a").column()).isEqualTo(7);
        assertThat(r.warnings()).anyMatch(w -> w.contains("byte order mark"));
    }

    @Test
    void utf16_isRejected() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0};
        assertThat(PositionalReader.read(bytes, "json", LIMITS).error()).contains("UTF-16");
    }

    @Test
    void deepNesting_isRejectedInEveryFormat() {
        String json = "[".repeat(200) + "]".repeat(200);
        assertThat(read(json, "json").error()).contains("nesting");
        assertThat(read(json, "yaml").error()).isNotNull();
        assertThat(read("a = " + json, "toml").error()).isNotNull();
        assertThat(read("[".repeat(20) + "]".repeat(20), "json").error()).isNull();
    }

    @Test
    void fileOverTheSizeLimit_isNotParsed() {
        ScanLimits small =
                new ScanLimits(
                        10,
                        64,
                        100,
                        10,
                        10,
                        100,
                        10,
                        Duration.ofSeconds(1),
                        10,
                        Duration.ofSeconds(1));
        ReadResult r =
                PositionalReader.read(
                        "{\"a\": \"0123456789\"}".getBytes(StandardCharsets.UTF_8), "json", small);
        assertThat(r.error()).startsWith("0:0: file is 19 bytes, over the limit of 10");
    }

    @Test
    void duplicateKeys_keepTheLastAndWarn() {
        ReadResult r = read("{\"a\": 1, \"a\": 2}", "json");
        assertThat(r.root().get("a").text()).isEqualTo("2");
        assertThat(r.warnings()).anyMatch(w -> w.contains("duplicate key"));
    }
}
