package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MaskerTest {

    @Test
    void prefixedKey_showsPrefixEllipsisAndLast4() {
        String key = FakeSecrets.generate("stripe-live", new Random(1));
        assertThat(Masker.mask(key)).isEqualTo("sk_live_…" + key.substring(key.length() - 4));
    }

    @Test
    void unprefixedLongValue_showsOnlyLast4() {
        assertThat(Masker.mask("Zq8vLk2pWx4rTy7u")).isEqualTo("…Ty7u");
    }

    @Test
    void shortValues_areFullyMasked() {
        assertThat(Masker.mask("hunter22")).isEqualTo("****");
        assertThat(Masker.mask("ghp_abc")).isEqualTo("ghp_****");
        assertThat(Masker.mask("")).isEmpty();
    }

    @Test
    void privateKey_showsOnlyItsHeader() {
        assertThat(Masker.mask(FakeSecrets.generate("private-key", new Random(2))))
                .isEqualTo("-----BEGIN PRIVATE KEY-----…");
    }

    @Test
    void display_keepsToolNamesInCamelCase_andStillMasksRandomLetters() {
        assertThat(Masker.display("GetStoredProc")).isEqualTo("GetStoredProc");
        assertThat(Masker.display("ListSysObjects")).isEqualTo("ListSysObjects");
        assertThat(Masker.display("listSysObjects")).isEqualTo("listSysObjects");
        // capitals that do not start a word of three letters or more: random text
        assertThat(Masker.display("aBcDeFgHiJkLmN")).isEqualTo("…kLmN");
        assertThat(Masker.display("QwErTyUiOpAsDf")).isEqualTo("…AsDf");
        assertThat(Masker.display("GetStoredPrOc")).isEqualTo("…PrOc");
    }
}
