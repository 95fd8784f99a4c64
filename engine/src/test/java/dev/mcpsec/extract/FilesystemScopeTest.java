package dev.mcpsec.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilesystemScopeTest {
    private static final Path PROJECT = Path.of("/work/projects/app");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/|root",
                "C:\\|root",
                "c:/|root",
                "D:|root",
                "~|home",
                "~/|home",
                "$HOME|home",
                "${HOME}|home",
                "${userHome}|home",
                "%USERPROFILE%|home",
                "/Users/alice|home",
                "/home/bob/|home",
                "/root|home",
                "C:\\Users\\carol|home",
                "..|above-project",
                "../..|above-project",
                "/work|above-project",
                ".|project",
                "${workspaceFolder}|project",
                "./docs|specific",
                "docs|specific",
                "/home/bob/projects/app/docs|specific",
                "~/notes|specific",
                "${workspaceFolder}/docs|specific",
                "/srv/data|specific",
                "C:\\data\\shared|specific",
            })
    void directoryArgument_isClassifiedByBreadth(String arg, String breadth) {
        assertThat(FilesystemScope.classify(arg, PROJECT, true).breadth()).isEqualTo(breadth);
    }

    @ParameterizedTest
    @CsvSource({
        "@modelcontextprotocol/server-filesystem,true",
        "mcp/filesystem,true",
        "@acme/fs-tools,false",
        "@stripe/mcp,false"
    })
    void filesystemServers_areRecognisedByPackage(String pkg, boolean expected) {
        assertThat(FilesystemScope.isFilesystemServer(pkg, "x")).isEqualTo(expected);
    }
}
