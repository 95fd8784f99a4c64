package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FingerprinterTest {

    @Test
    void sameSaltAndValue_giveTheSameFingerprint() {
        assertThat(new Fingerprinter("repo-1").fingerprint("v"))
                .isEqualTo(new Fingerprinter("repo-1").fingerprint("v"))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void otherSalt_givesAnotherFingerprint() {
        assertThat(new Fingerprinter("repo-1").fingerprint("v"))
                .isNotEqualTo(new Fingerprinter("repo-2").fingerprint("v"));
    }

    @Test
    void fingerprint_isNotTheUnsaltedHash() throws Exception {
        String unsalted =
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256")
                                        .digest("v".getBytes(StandardCharsets.UTF_8)));
        assertThat(new Fingerprinter("s").fingerprint("v")).isNotEqualTo(unsalted);
    }

    @Test
    void emptySalt_isRejected() {
        assertThatThrownBy(() -> new Fingerprinter(""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fingerprinter((byte[]) null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomSalts_differ() {
        assertThat(Fingerprinter.withRandomSalt().fingerprint("v"))
                .isNotEqualTo(Fingerprinter.withRandomSalt().fingerprint("v"));
    }
}
