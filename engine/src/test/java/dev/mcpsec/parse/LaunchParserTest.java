package dev.mcpsec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaunchParserTest {

    /**
     * Columns: command line (space separated, | inside a token stands for a space), then the
     * expected fields.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            nullValues = "-",
            textBlock =
                    """
            npx -y @modelcontextprotocol/server-filesystem /a /b ; npx ; npm ; @modelcontextprotocol/server-filesystem ; - ; - ; - ; /a /b
            npx --yes @s/p@1.2.3 --read-only ; npx ; npm ; @s/p ; 1.2.3 ; - ; - ; --read-only
            npx @playwright/mcp@latest ; npx ; npm ; @playwright/mcp ; latest ; - ; - ; -
            npx -y -p @scope/pkg@2.0.0 bin-name --flag ; npx ; npm ; @scope/pkg ; 2.0.0 ; - ; - ; --flag
            npx -y mcp-server-x@1.0.0 ; npx ; npm ; mcp-server-x ; 1.0.0 ; - ; - ; -
            pnpm dlx @s/p@1 ; pnpm-dlx ; npm ; @s/p ; 1 ; - ; - ; -
            yarn dlx pkg ; yarn-dlx ; npm ; pkg ; - ; - ; - ; -
            bunx pkg@2 x ; bunx ; npm ; pkg ; 2 ; - ; - ; x
            npm exec --yes -- pkg@3 a ; npm-exec ; npm ; pkg ; 3 ; - ; - ; a
            uvx mcp-server-git==0.6.2 --repository . ; uvx ; pypi ; mcp-server-git ; 0.6.2 ; - ; - ; --repository .
            uvx mcp-server-fetch@latest ; uvx ; pypi ; mcp-server-fetch ; latest ; - ; - ; -
            uvx --from awslabs.core-mcp-server==1.0 core-server --x ; uvx ; pypi ; awslabs.core-mcp-server ; 1.0 ; - ; - ; --x
            uvx --python 3.12 pkg[cli]>=1.0 ; uvx ; pypi ; pkg ; >=1.0 ; - ; - ; -
            uv tool run pkg ; uvx ; pypi ; pkg ; - ; - ; - ; -
            pipx run --spec pkg==2 cmd a ; pipx ; pypi ; pkg ; 2 ; - ; - ; a
            pipx run pkg ; pipx ; pypi ; pkg ; - ; - ; - ; -
            docker run -i --rm -e GITHUB_PERSONAL_ACCESS_TOKEN ghcr.io/github/github-mcp-server ; docker ; oci ; ghcr.io/github/github-mcp-server ; - ; - ; - ; -
            docker run -i --rm --name x --network host -v /a:/b -p 8080:80 mcp/postgres:15@sha256:abc postgresql://h/db ; docker ; oci ; mcp/postgres ; 15 ; sha256:abc ; - ; postgresql://h/db
            docker run --env=A=b -it localhost:5000/img:1.2 ; docker ; oci ; localhost:5000/img ; 1.2 ; - ; - ; -
            docker mcp gateway run --profile dev ; docker ; docker-mcp ; docker mcp gateway ; - ; - ; - ; --profile dev
            podman run -i --rm mcp/github:latest ; podman ; oci ; mcp/github ; latest ; - ; - ; -
            cmd /c npx -y @s/p@1 ; npx ; npm ; @s/p ; 1 ; - ; - ; -
            wsl -d Ubuntu npx -y pkg ; npx ; npm ; pkg ; - ; - ; - ; -
            npx -y mcp-remote https://mcp.example.com/sse --header Authorization:x ; mcp-remote ; npm ; mcp-remote ; - ; - ; https://mcp.example.com/sse ; https://mcp.example.com/sse --header Authorization:x
            mcp-remote https://h/mcp ; mcp-remote ; npm ; mcp-remote ; - ; - ; https://h/mcp ; https://h/mcp
            npx envmcp --env-file .env npx -y @s/p@1 ; npx ; npm ; @s/p ; 1 ; - ; - ; -
            node ./build/index.js --port 1 ; node ; - ; - ; - ; - ; - ; --port 1
            C:\\Program|Files\\nodejs\\node.exe server.js ; node ; - ; - ; - ; - ; - ; -
            python -m my_mcp --db x ; python ; - ; - ; - ; - ; - ; --db x
            python3 server.py a ; python ; - ; - ; - ; - ; - ; a
            uv run --directory /srv/x server.py ; python ; - ; - ; - ; - ; - ; -
            github-mcp-server stdio ; binary ; - ; - ; - ; - ; - ; stdio
            docker exec -i -e A=b devbox npx -y some-mcp a ; npx ; npm ; some-mcp ; - ; - ; - ; a
            docker container exec -i devbox uvx pkg==1.0 ; uvx ; pypi ; pkg ; 1.0 ; - ; - ; -
            npx tsx src/mcp/server.ts --port 1 ; node ; - ; - ; - ; - ; - ; --port 1
            npx -y tsx server.ts ; node ; - ; - ; - ; - ; - ; -
            npx ts-node --transpile-only ./mcp.ts a ; node ; - ; - ; - ; - ; - ; a
            npx tsx@4.19.0 ; npx ; npm ; tsx ; 4.19.0 ; - ; - ; -
            npx tsx watch ; npx ; npm ; tsx ; - ; - ; - ; watch
            """)
    void commandLines_areRecognised(
            String line,
            String launcher,
            String ecosystem,
            String name,
            String version,
            String digest,
            String remote,
            String packageArgs) {
        List<String> tokens =
                Arrays.stream(line.strip().split(" ")).map(s -> s.replace('|', ' ')).toList();
        Launch l = LaunchParser.parse(tokens.get(0), tokens.subList(1, tokens.size()));
        assertThat(l.launcher()).isEqualTo(launcher);
        assertThat(l.ecosystem()).isEqualTo(ecosystem);
        assertThat(l.packageName()).isEqualTo(name);
        assertThat(l.packageVersion()).isEqualTo(version);
        assertThat(l.imageDigest()).isEqualTo(digest);
        assertThat(l.remoteUrl()).isEqualTo(remote);
        assertThat(l.packageArgs())
                .containsExactlyElementsOf(
                        packageArgs == null
                                ? List.of()
                                : Arrays.asList(packageArgs.strip().split(" ")));
    }

    @Test
    void commandWrittenWithSpaces_isSplitWhenItStartsWithARunner() {
        Launch l = LaunchParser.parse("npx -y @stripe/mcp", List.of("--tools=all"));
        assertThat(l.packageName()).isEqualTo("@stripe/mcp");
        assertThat(l.packageArgs()).containsExactly("--tools=all");
    }

    @Test
    void windowsCmdWithOneQuotedCommand_isSplit() {
        Launch l = LaunchParser.parse("cmd", List.of("/c", "npx -y pkg@1 /data"));
        assertThat(l.packageName()).isEqualTo("pkg");
        assertThat(l.packageArgs()).containsExactly("/data");
    }

    @Test
    void serverWithOnlyAUrl_isARemoteLaunch() {
        ServerEntry remote =
                new ServerEntry(
                        "r",
                        1,
                        1,
                        "http",
                        null,
                        List.of(),
                        Map.of(),
                        Map.of(),
                        new Located("https://mcp.linear.app/mcp", 1, 1),
                        null,
                        null,
                        false,
                        List.of());
        assertThat(LaunchParser.parse(remote))
                .hasValueSatisfying(
                        l -> {
                            assertThat(l.launcher()).isEqualTo("remote");
                            assertThat(l.remoteUrl()).isEqualTo("https://mcp.linear.app/mcp");
                        });
        ServerEntry empty =
                new ServerEntry(
                        "e", 1, 1, "stdio", null, List.of(), Map.of(), Map.of(), null, null, null,
                        false, List.of());
        assertThat(LaunchParser.parse(empty)).isEmpty();
    }

    @Test
    void runnerWithoutPackage_hasNoPackageName() {
        assertThat(LaunchParser.parse("npx", List.of("-y")).packageName()).isNull();
        assertThat(LaunchParser.parse("docker", List.of("run", "-i")).packageName()).isNull();
        assertThat(LaunchParser.parse("docker", List.of("exec", "-i", "c", "x")).packageName())
                .isNull();
    }
}
