package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OccurrenceScannerTest {

    @TempDir Path root;

    private final Fingerprinter fingerprinter = new Fingerprinter("test-salt");

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void secretReusedAcrossContexts_isFoundInEachWithOneFingerprint() throws IOException {
        String key = FakeSecrets.generate("stripe-live", new Random(5));
        write(".env.production", "STRIPE_SECRET_KEY=" + key + "\nOTHER=${X}\n");
        write(
                ".github/workflows/ci.yml",
                "env:\n  STRIPE_KEY: \"" + key + "\"\n  GH: ${{ secrets.GH }}\n");
        write(
                "docker-compose.yml",
                "services:\n  app:\n    environment:\n      - STRIPE_KEY=" + key + "\n");
        write(
                "deploy/secret.yaml",
                "apiVersion: v1\nkind: ConfigMap\ndata:\n  stripe: " + key + "\n");
        write("node_modules/pkg/.env", "STRIPE_SECRET_KEY=" + key + "\n");
        write("notes.yaml", "stripe: " + key + "\n");

        OccurrenceScan scan =
                new OccurrenceScanner(new SecretDetector(), fingerprinter, 1_000_000, 100)
                        .scan(root);

        assertThat(scan.occurrences())
                .extracting(Occurrence::file, Occurrence::context, Occurrence::line)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(".env.production", "env-file", 1),
                        org.assertj.core.groups.Tuple.tuple(".github/workflows/ci.yml", "ci", 2),
                        org.assertj.core.groups.Tuple.tuple("docker-compose.yml", "compose", 4),
                        org.assertj.core.groups.Tuple.tuple("deploy/secret.yaml", "manifest", 4));
        assertThat(scan.occurrences())
                .extracting(Occurrence::fingerprint)
                .containsOnly(fingerprinter.fingerprint(key));
        assertThat(scan.occurrences()).extracting(Occurrence::kind).containsOnly("stripe-secret");
        Occurrence env =
                scan.occurrences().stream()
                        .filter(o -> o.context().equals("env-file"))
                        .findFirst()
                        .get();
        assertThat(env.column()).isEqualTo(19);
        assertThat(env.variable()).isEqualTo("STRIPE_SECRET_KEY");
        assertThat(scan.occurrences().toString()).doesNotContain(key);
    }

    @Test
    void ciFilesByName_andDatabasePasswords_areFound() throws IOException {
        String pw = FakeSecrets.generate("generic-base62", new Random(6)).substring(0, 18);
        write(
                ".gitlab-ci.yml",
                "variables:\n  DATABASE_URL: postgres://app:" + pw + "@db.example.net/app\n");
        write(
                "Jenkinsfile",
                "environment {\n  API_TOKEN = '"
                        + FakeSecrets.generate("npm", new Random(1))
                        + "'\n}\n");
        OccurrenceScan scan =
                new OccurrenceScanner(new SecretDetector(), fingerprinter, 1_000_000, 100)
                        .scan(root);
        assertThat(scan.occurrences())
                .extracting(Occurrence::kind)
                .containsExactlyInAnyOrder("database-password", "npm-token");
    }

    @Test
    void limits_skipLargeFilesAndStopAtTheFileCount() throws IOException {
        write(".env", "A=" + "x".repeat(200));
        write(".env.local", "A=1");
        write("compose.yaml", "a: 1");
        OccurrenceScan scan =
                new OccurrenceScanner(new SecretDetector(), fingerprinter, 100, 1).scan(root);
        assertThat(scan.notes())
                .anyMatch(n -> n.startsWith(".env: skipped, larger than 100 bytes"));
        assertThat(scan.notes()).anyMatch(n -> n.equals("stopped after 1 files"));
    }

    @Test
    void contexts_followThePathConventions() {
        assertThat(OccurrenceScanner.contextOf("app/.env")).isEqualTo("env-file");
        assertThat(OccurrenceScanner.contextOf(".circleci/config.yml")).isEqualTo("ci");
        assertThat(OccurrenceScanner.contextOf("azure-pipelines.yml")).isEqualTo("ci");
        assertThat(OccurrenceScanner.contextOf("bitbucket-pipelines.yml")).isEqualTo("ci");
        assertThat(OccurrenceScanner.contextOf("compose.prod.yaml")).isEqualTo("compose");
        assertThat(OccurrenceScanner.contextOf("k8s/deploy.yaml")).isNull();
        assertThat(OccurrenceScanner.contextOf("README.md")).isNull();
    }
}
