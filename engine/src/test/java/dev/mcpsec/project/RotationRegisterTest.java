package dev.mcpsec.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.facts.RotationRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RotationRegisterTest {
    private static final Clock SCAN_DAY =
            Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir Path root;

    private void register(String json) throws Exception {
        Files.createDirectories(root.resolve(".mcpsec"));
        Files.writeString(root.resolve(".mcpsec/rotation.json"), json);
    }

    @Test
    void missingRegister_givesNoEntries() {
        assertThat(RotationRegister.read(root, SCAN_DAY)).isEmpty();
    }

    @Test
    void entries_areReadWithTheirPeriodAndOverdueFlag() throws Exception {
        register(
                """
                {"entries": [
                  {"server": "stripe", "variable": "STRIPE_SECRET_KEY", "rotated": "2026-09-01", "every": 90},
                  {"server": "github", "variable": "GITHUB_TOKEN", "rotated": "2026-11-01"},
                  {"server": "supabase", "variable": "SUPABASE_KEY", "rotated": "2026-09-02", "every": 90}
                ]}
                """);

        assertThat(RotationRegister.read(root, SCAN_DAY))
                .containsExactly(
                        new RotationRecord("stripe", "STRIPE_SECRET_KEY", "2026-09-01", 90, true),
                        new RotationRecord("github", "GITHUB_TOKEN", "2026-11-01", 90, false),
                        new RotationRecord("supabase", "SUPABASE_KEY", "2026-09-02", 90, false));
    }

    @Test
    void emptyEntries_areAllowed() throws Exception {
        register("{\"entries\": []}");

        assertThat(RotationRegister.read(root, SCAN_DAY)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            not JSON                 | {"entries": [ {"server": }       | rotation.json:1: not valid JSON
            not an object            | []                               | rotation.json:1: expected an object
            missing entries          | {}                               | missing "entries"
            unknown top-level key    | {"entries": [], "extra": 1}      | rotation.json:1: unknown key "extra"
            entries not an array     | {"entries": {}}                  | "entries" must be an array
            entry not an object      | {"entries": [1]}                 | each entry must be an object
            missing rotated          | {"entries": [{"server": "s", "variable": "V"}]} | needs "server", "variable" and "rotated"
            bad date                 | {"entries": [{"server": "s", "variable": "V", "rotated": "01/09/2026"}]} | must be a date yyyy-MM-dd
            negative period          | {"entries": [{"server": "s", "variable": "V", "rotated": "2026-01-01", "every": -5}]} | "every" must be a whole number
            fractional period        | {"entries": [{"server": "s", "variable": "V", "rotated": "2026-01-01", "every": 1.5}]} | "every" must be a whole number
            empty server             | {"entries": [{"server": " ", "variable": "V", "rotated": "2026-01-01"}]} | "server" must be a non-empty string
            typo in a key            | {"entries": [{"server": "s", "variable": "V", "rotated": "2026-01-01", "evry": 30}]} | unknown key "evry"
            """)
    void malformedRegister_isAConfigurationError(String why, String json, String expected)
            throws Exception {
        register(json);

        assertThatThrownBy(() -> RotationRegister.read(root, SCAN_DAY))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(".mcpsec/rotation.json")
                .hasMessageContaining(expected)
                .satisfies(
                        e ->
                                assertThat(((ConfigurationException) e).setting())
                                        .isEqualTo("rotation"));
    }

    @Test
    void errors_pointAtTheLineOfTheOffendingValue() throws Exception {
        register(
                """
                {
                  "entries": [
                    {"server": "a", "variable": "A", "rotated": "2026-01-01"},
                    {"server": "b",
                     "variable": "B",
                     "rotated": "2026-13-40"}
                  ]
                }
                """);

        assertThatThrownBy(() -> RotationRegister.read(root, SCAN_DAY))
                .hasMessageStartingWith(".mcpsec/rotation.json:6: \"rotated\" must be a date");
    }

    @Test
    void duplicateEntry_namesTheFirstOne() throws Exception {
        register(
                """
                {"entries": [
                  {"server": "s", "variable": "V", "rotated": "2026-01-01"},
                  {"server": "s", "variable": "V", "rotated": "2026-02-01"}
                ]}
                """);

        assertThatThrownBy(() -> RotationRegister.read(root, SCAN_DAY))
                .hasMessageContaining(":3: duplicate entry")
                .hasMessageContaining("first at line 2");
    }

    @Test
    void symlinkedRegister_isNotFollowed() throws Exception {
        Path elsewhere =
                Files.writeString(
                        Files.createTempFile(root, "outside", ".json"), "{\"entries\": []}");
        Files.createDirectories(root.resolve(".mcpsec"));
        Files.createSymbolicLink(root.resolve(".mcpsec/rotation.json"), elsewhere);

        assertThatThrownBy(() -> RotationRegister.read(root, SCAN_DAY))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("symbolic links are not followed");
    }
}
