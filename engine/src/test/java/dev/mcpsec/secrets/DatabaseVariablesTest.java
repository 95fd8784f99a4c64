package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** True and false positives of databases assembled from separate variables and options. */
class DatabaseVariablesTest {

    /** "NAME=value;NAME=value" as the inputs of one server. */
    private static List<DatabaseVariables.Target> assemble(String settings, String program) {
        List<DatabaseVariables.Input> in = new ArrayList<>();
        for (String s : settings.split(";")) {
            int eq = s.indexOf('=');
            in.add(new DatabaseVariables.Input(s.substring(0, eq), s.substring(eq + 1)));
        }
        return DatabaseVariables.assemble(in, program);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "PGHOST=db.acme.example;PGUSER=reader;PGPASSWORD=x;PGDATABASE=orders|postgres-mcp|postgresql|db.acme.example|orders|reader|true",
                "MYSQL_HOST=orders.c1.eu-west-1.rds.amazonaws.com;MYSQL_USER=admin;MYSQL_PASS=x;MYSQL_DB=orders|@benborla29/mcp-server-mysql|mysql|orders.c1.eu-west-1.rds.amazonaws.com|orders|admin|true",
                "MYSQLHOST=mysql.railway.app;MYSQLUSER=root|server.js|mysql|mysql.railway.app||root|false",
                "DB_HOST=prod-db.acme.example;DB_USER=app;DB_PASSWORD=x;DB_NAME=app|@acme/pg-mcp|postgresql|prod-db.acme.example|app|app|true",
                "DATABASE_HOST=db.acme.example;DATABASE_DATABASE=shop|some-server|database|db.acme.example|shop||false",
                "MONGO_HOST=cluster0.abcde.mongodb.net;MONGO_USERNAME=reader|mongo-mcp|mongodb|cluster0.abcde.mongodb.net||reader|false",
                "REDIS_HOST=eu1-able-fox-12345.upstash.io;REDIS_PASSWORD=x|redis-mcp|redis|eu1-able-fox-12345.upstash.io|||true",
                "MSSQL_SERVER=sqlmi.c46d.database.windows.net;MSSQL_DATABASE=PKG;MSSQL_USER=ro|python|sqlserver|sqlmi.c46d.database.windows.net|PKG|ro|false",
                "POSTGRES_HOST=db.acme.example:6543;POSTGRES_USER=app|x|postgresql|db.acme.example||app|false",
                "--host=db.acme.example;--user=reader;--password=x;--database=orders|@executeautomation/database-server|database|db.acme.example|orders|reader|true",
                "--server=reports.database.windows.net;--database=reports|@executeautomation/database-server|database|reports.database.windows.net|reports||false",
                "--db-host=warehouse.redshift.amazonaws.com;--db-name=analytics|python|database|warehouse.redshift.amazonaws.com|analytics||false",
                "--host=db.acme.example;--user=reader|mcp-server-mysql|mysql|db.acme.example||reader|false"
            })
    void separateSettings_areOneTarget(
            String settings,
            String program,
            String scheme,
            String host,
            String database,
            String user,
            boolean password) {
        assertThat(assemble(settings, program))
                .as(settings)
                .singleElement()
                .satisfies(
                        t -> {
                            assertThat(t.target().scheme()).isEqualTo(scheme);
                            assertThat(t.target().host()).isEqualTo(host);
                            assertThat(t.target().database()).isEqualTo(database);
                            assertThat(t.target().user()).isEqualTo(user);
                            assertThat(t.target().hasPassword()).isEqualTo(password);
                            assertThat(t.target().loopback()).isFalse();
                            assertThat(t.target().password()).isNull();
                            assertThat(t.hostInput()).isZero();
                        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a reference or template: the host is unknown
                "PGHOST=${PGHOST};PGUSER=reader|postgres-mcp",
                "DB_HOST=$DB_HOST|x",
                "MYSQL_HOST=%MYSQL_HOST%|x",
                "MYSQL_HOST={{ db_host }}|x",
                "DB_HOST=|x",
                // a URL is read as a connection string elsewhere
                "DB_HOST=postgres://db.acme.example/app|x",
                // no host at all
                "PGUSER=reader;PGPASSWORD=x|postgres-mcp",
                // a bare HOST or USER variable is the server's own setting
                "HOST=0.0.0.0;USER=me|mcp-server-mysql",
                "HOST=db.acme.example|postgres-mcp",
                // bare options of a server that is no database server
                "--host=api.acme.example;--user=me|@acme/web-mcp",
                "--name=orders|postgres-mcp",
                // unrelated names
                "GITHUB_HOST=github.acme.example|@github/mcp",
                "SMTP_HOST=mail.acme.example;SMTP_USER=me|mailer",
                "DBHOST=db.acme.example|x",
                "PORT=5432|postgres-mcp"
            })
    void otherSettings_areNoTarget(String settings, String program) {
        assertThat(assemble(settings, program)).as(settings).isEmpty();
    }

    @Test
    void loopbackHosts_areMarked_andFamiliesStaySeparate() {
        List<DatabaseVariables.Target> t =
                assemble(
                        "PGHOST=localhost;PGUSER=postgres;REDIS_HOST=127.0.0.1;MYSQL_HOST=db.acme.example",
                        null);
        assertThat(t).hasSize(3);
        assertThat(t.get(0).target().loopback()).isTrue();
        assertThat(t.get(1).target().loopback()).isTrue();
        assertThat(t.get(2).target().loopback()).isFalse();
        assertThat(t.get(2).hostInput()).isEqualTo(3);
    }

    @Test
    void aUserWithStrangeCharacters_isNotRecorded() {
        assertThat(assemble("PGHOST=db.acme.example;PGUSER=${USER}", "x"))
                .singleElement()
                .satisfies(t -> assertThat(t.target().user()).isNull());
    }

    @ParameterizedTest
    @CsvSource({"PGPASSWORD", "MYSQLPASSWORD", "MYSQL_PASS", "DB_PASSWORD", "REDIS_PASSWORD"})
    void thePasswordVariableOfEachFamily_isASecretName(String name) {
        String value = FakeSecrets.generate("generic-base62", new java.util.Random(7));
        assertThat(
                        new SecretDetector(DetectorOptions.defaults())
                                .analyze(name, value, ValueContext.ENV)
                                .detections())
                .as(name)
                .isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"PGPASSWORD", "DB_PASSWORD"})
    void aPlaceholderPassword_isNotASecret(String name) {
        for (String value : new String[] {"your-password-here", "${PGPASSWORD}", "changeme", ""}) {
            assertThat(
                            new SecretDetector(DetectorOptions.defaults())
                                    .analyze(name, value, ValueContext.ENV)
                                    .detections())
                    .as(name + "=" + value)
                    .isEmpty();
        }
    }
}
