package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvFileParserTest {

    @Test
    void commonDotenvSyntax_isParsed() {
        EnvFile f =
                EnvFileParser.parse(
                        """
                # comment
                export A=1
                B = two words # trailing comment
                C='single # not a comment'
                D="double \\"quoted\\" \\n"
                E=
                F=url#fragment
                """);
        assertThat(f.entries())
                .extracting(EnvEntry::name)
                .containsExactly("A", "B", "C", "D", "E", "F");
        assertThat(f.entries())
                .extracting(EnvEntry::value)
                .containsExactly(
                        "1",
                        "two words",
                        "single # not a comment",
                        "double \"quoted\" \n",
                        "",
                        "url#fragment");
        assertThat(f.entries()).extracting(EnvEntry::line).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(f.notes()).isEmpty();
    }

    @Test
    void crlfAndBom_areHandled() {
        EnvFile f = EnvFileParser.parse("\uFEFFA=1\r\nB=2\r\n");
        assertThat(f.entries()).extracting(EnvEntry::value).containsExactly("1", "2");
    }

    @Test
    void multiLineQuotedValue_isJoined() {
        EnvFile f = EnvFileParser.parse("KEY=\"-----BEGIN\nabc\n-----END\"\nNEXT=1\n");
        assertThat(f.entries())
                .extracting(EnvEntry::value)
                .containsExactly("-----BEGIN\nabc\n-----END", "1");
        assertThat(f.entries().get(1).line()).isEqualTo(4);
    }

    @Test
    void oddLines_areSkippedWithANoteThatHoldsNoValue() {
        EnvFile f = EnvFileParser.parse("just text\nA=1\n=novalue\nB=\"unterminated");
        assertThat(f.entries()).extracting(EnvEntry::name).containsExactly("A", "B");
        assertThat(f.notes())
                .containsExactly(
                        "line 1: skipped, not a NAME=value assignment",
                        "line 3: skipped, not a NAME=value assignment",
                        "line 4: unterminated quote for B, value taken to end of line");
    }

    @Test
    void valueColumn_pointsAtTheValue() {
        EnvEntry e = EnvFileParser.parse("  TOKEN = abc").entries().get(0);
        assertThat(e.column()).isEqualTo(11);
    }
}
