package dev.mcpsec.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.facts.LaunchRisk;
import dev.mcpsec.facts.McpServer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * True and false positives of TLS turned off and of cloud profiles; launch lines '␣'-separated,
 * environments "NAME=value;NAME=value".
 */
class LaunchSettingsTest {

    private static List<LaunchRisk> settings(String line, String env, String url) {
        List<String> tokens = line.isEmpty() ? List.of() : Arrays.asList(line.split("␣"));
        Map<String, String> vars = new LinkedHashMap<>();
        if (!env.isEmpty()) {
            for (String s : env.split(";")) {
                int eq = s.indexOf('=');
                vars.put(s.substring(0, eq), s.substring(eq + 1));
            }
        }
        McpServer s =
                McpServer.builder()
                        .name("s")
                        .file(".mcp.json")
                        .line(1)
                        .column(1)
                        .client("claude-code")
                        .scope("project")
                        .transport(url == null ? "stdio" : "http")
                        .command(tokens.isEmpty() ? null : tokens.get(0))
                        .args(tokens.isEmpty() ? List.of() : tokens.subList(1, tokens.size()))
                        .url(url)
                        .host(url == null ? null : FactExtractor.host(url))
                        .build();
        return LaunchSettings.of(s, vars);
    }

    private static List<LaunchRisk> tls(String line, String env, String url) {
        return settings(line, env, url).stream()
                .filter(r -> r.pattern().equals("tls-off"))
                .toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "npx␣-y␣@acme/crm-mcp@1.0.0|NODE_TLS_REJECT_UNAUTHORIZED=0|NODE_TLS_REJECT_UNAUTHORIZED=0",
                "uvx␣acme-mcp==1.0|PYTHONHTTPSVERIFY=0|PYTHONHTTPSVERIFY=0",
                "uvx␣acme-mcp==1.0|GIT_SSL_NO_VERIFY=true|GIT_SSL_NO_VERIFY=true",
                "npx␣-y␣@acme/crm-mcp@1.0.0|npm_config_strict_ssl=false|npm_config_strict_ssl=false",
                "uvx␣acme-mcp==1.0|REQUESTS_CA_BUNDLE=|REQUESTS_CA_BUNDLE=",
                "uvx␣acme-mcp==1.0|CURL_CA_BUNDLE=|CURL_CA_BUNDLE=",
                "uvx␣acme-mcp==1.0␣--insecure||--insecure",
                "uvx␣acme-mcp==1.0␣--no-verify-ssl||--no-verify-ssl",
                "npx␣-y␣@playwright/mcp@0.0.40␣--ignore-https-errors||--ignore-https-errors",
                "npx␣-y␣@acme/browser-mcp@1.0.0␣--ignore-certificate-errors||--ignore-certificate-errors",
                "curl␣-k␣https://mcp.acme.example/sse||-k",
                "env␣NODE_TLS_REJECT_UNAUTHORIZED=0␣npx␣-y␣@acme/crm-mcp@1.0.0||NODE_TLS_REJECT_UNAUTHORIZED=0",
                "docker␣run␣-i␣--rm␣-e␣NODE_TLS_REJECT_UNAUTHORIZED=0␣acme/crm-mcp:1.0||NODE_TLS_REJECT_UNAUTHORIZED=0",
                "npx␣-y␣@modelcontextprotocol/server-postgres@0.6.2␣postgresql://u@db.acme.example:5432/app?sslmode=disable||sslmode=disable on postgresql://db.acme.example",
                "npx␣-y␣@acme/pg-mcp@1.0.0|DATABASE_URL=postgres://u:p@db.acme.example/app?application_name=x&sslmode=disable|sslmode=disable on postgres://db.acme.example",
                "npx␣-y␣@acme/mysql-mcp@1.0.0|DSN=mysql://u@db.acme.example:3306/app?ssl-mode=DISABLED|ssl-mode=DISABLED on mysql://db.acme.example",
                "npx␣-y␣@acme/mongo-mcp@1.0.0|MONGO_URL=mongodb+srv://u@c0.abcde.mongodb.net/app?tlsAllowInvalidCertificates=true|tlsAllowInvalidCertificates=true on mongodb+srv://c0.abcde.mongodb.net",
                "java␣-jar␣srv.jar␣--url␣jdbc:sqlserver://sql.acme.example:1433;databaseName=app;trustServerCertificate=true||trustServerCertificate=true on jdbc:sqlserver://sql.acme.example",
                "java␣-jar␣srv.jar|JDBC=jdbc:mysql://db.acme.example:3306/app?useSSL=false|useSSL=false on jdbc:mysql://db.acme.example"
            })
    void tlsTurnedOff_isFound(String line, String env, String detail) {
        assertThat(tls(line, env == null ? "" : env, null))
                .as(line + " " + env)
                .singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo(detail));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "npx␣-y␣@acme/crm-mcp@1.0.0|NODE_TLS_REJECT_UNAUTHORIZED=1",
                "uvx␣acme-mcp==1.0|PYTHONHTTPSVERIFY=1",
                "uvx␣acme-mcp==1.0|GIT_SSL_NO_VERIFY=false",
                "uvx␣acme-mcp==1.0|REQUESTS_CA_BUNDLE=/etc/ssl/acme-ca.pem",
                "npx␣-y␣@acme/crm-mcp@1.0.0|NODE_EXTRA_CA_CERTS=/etc/ssl/acme-ca.pem",
                "npx␣-y␣@acme/crm-mcp@1.0.0␣-k|",
                "npx␣-y␣@acme/crm-mcp@1.0.0␣--insecure-mode-docs|",
                "npx␣-y␣@modelcontextprotocol/server-postgres@0.6.2␣postgresql://u@localhost:5432/app?sslmode=disable|",
                "npx␣-y␣@modelcontextprotocol/server-postgres@0.6.2␣postgresql://u@127.0.0.1/app?sslmode=disable|",
                "npx␣-y␣@modelcontextprotocol/server-postgres@0.6.2␣postgresql://u@postgres:5432/app?sslmode=disable|",
                "npx␣-y␣@modelcontextprotocol/server-postgres@0.6.2␣postgresql://u@db.acme.example/app?sslmode=require|",
                "npx␣-y␣@modelcontextprotocol/server-postgres@0.6.2␣postgresql://u@db.acme.example/app?sslmode=verify-full|",
                "npx␣-y␣@acme/pg-mcp@1.0.0|DATABASE_URL=postgres://u@host.docker.internal/app?sslmode=disable",
                "npx␣-y␣@acme/pg-mcp@1.0.0|NOTE=sslmode=disable is not used here"
            })
    void tlsKeptOn_orLoopbackTargets_areNot(String line, String env) {
        assertThat(tls(line, env == null ? "" : env, null)).as(line + " " + env).isEmpty();
    }

    @Test
    void aBridgeToALoopbackUrl_mayTurnChecksOff() {
        assertThat(
                        tls(
                                "npx␣-y␣mcp-remote@0.1.29␣https://localhost:8443/mcp␣--insecure",
                                "",
                                "https://localhost:8443/mcp"))
                .isEmpty();
        assertThat(
                        tls(
                                "npx␣-y␣mcp-remote@0.1.29␣https://mcp.acme.example/mcp␣--insecure",
                                "",
                                "https://mcp.acme.example/mcp"))
                .singleElement()
                .satisfies(r -> assertThat(r.host()).isEqualTo("mcp.acme.example"));
    }

    @Test
    void theDatabaseHost_isTheRemoteHost_andNoPasswordIsRecorded() {
        assertThat(
                        tls(
                                "npx␣-y␣@acme/pg-mcp@1.0.0",
                                "DATABASE_URL=postgres://admin:hunter2-secret@db.acme.example/app?sslmode=disable",
                                null))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.host()).isEqualTo("db.acme.example");
                            assertThat(r.detail())
                                    .doesNotContain("hunter2")
                                    .doesNotContain("admin");
                        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "uvx␣awslabs.cost-explorer-mcp-server==0.0.9|AWS_PROFILE=admin|AWS_PROFILE=admin",
                "uvx␣awslabs.cost-explorer-mcp-server==0.0.9|AWS_DEFAULT_PROFILE=prod|AWS_DEFAULT_PROFILE=prod",
                "npx␣-y␣@acme/bq-mcp@1.0.0|CLOUDSDK_CORE_ACCOUNT=owner@acme.iam.gserviceaccount.com|CLOUDSDK_CORE_ACCOUNT=owner@acme.iam.gserviceaccount.com",
                "npx␣-y␣mcp-server-kubernetes@2.4.0|KUBECONFIG=/etc/kubernetes/admin.conf|KUBECONFIG=/etc/kubernetes/admin.conf",
                "npx␣-y␣@acme/az-mcp@1.0.0|AZURE_USERNAME=admin@acme.onmicrosoft.com|AZURE_USERNAME=admin@acme.onmicrosoft.com",
                "uvx␣acme-aws-mcp==1.0␣--profile␣root||--profile=root",
                "uvx␣acme-aws-mcp==1.0␣--aws-profile=admin||--aws-profile=admin",
                "npx␣-y␣@acme/k8s-mcp@1.0.0␣--context␣cluster-admin@prod||--context=cluster-admin@prod"
            })
    void cloudProfiles_areRecordedAsWritten(String line, String env, String detail) {
        assertThat(settings(line, env == null ? "" : env, null))
                .filteredOn(r -> r.pattern().equals("cloud-profile"))
                .as(line + " " + env)
                .singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo(detail));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "uvx␣awslabs.cost-explorer-mcp-server==0.0.9|AWS_PROFILE=${AWS_PROFILE}",
                "uvx␣awslabs.cost-explorer-mcp-server==0.0.9|AWS_PROFILE=$AWS_PROFILE",
                "uvx␣awslabs.cost-explorer-mcp-server==0.0.9|AWS_PROFILE=",
                "uvx␣awslabs.cost-explorer-mcp-server==0.0.9|AWS_REGION=admin",
                "uvx␣acme-aws-mcp==1.0␣--profile||"
            })
    void referencesAndOtherSettings_areNoProfile(String line, String env) {
        assertThat(settings(line, env == null ? "" : env, null))
                .filteredOn(r -> r.pattern().equals("cloud-profile"))
                .as(line + " " + env)
                .isEmpty();
    }

    @Test
    void tlsKeysOfTheServerEntry_areFound_unlessTheyKeepChecksOnOrTheTargetIsLocal() {
        List<dev.mcpsec.parse.SettingEntry> entry =
                List.of(
                        new dev.mcpsec.parse.SettingEntry("rejectUnauthorized", "false", "s", 3, 5),
                        new dev.mcpsec.parse.SettingEntry(
                                "tls.insecureSkipVerify", "true", "s", 4, 5),
                        new dev.mcpsec.parse.SettingEntry("verify_ssl", "true", "s", 5, 5),
                        new dev.mcpsec.parse.SettingEntry("tlsSkipVerify", "false", "s", 6, 5));
        McpServer remote =
                McpServer.builder()
                        .name("s")
                        .file(".mcp.json")
                        .url("https://mcp.acme.example/mcp")
                        .host("mcp.acme.example")
                        .build();
        assertThat(LaunchSettings.of(remote, Map.of(), entry))
                .extracting(LaunchRisk::detail)
                .containsExactly("rejectUnauthorized=false", "tls.insecureSkipVerify=true");
        McpServer local =
                McpServer.builder()
                        .name("s")
                        .file(".mcp.json")
                        .url("https://localhost:8443/mcp")
                        .host("localhost")
                        .build();
        assertThat(LaunchSettings.of(local, Map.of(), entry)).isEmpty();
    }
}
