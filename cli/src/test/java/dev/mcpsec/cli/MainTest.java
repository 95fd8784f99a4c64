package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
    @TempDir Path dir;

    private Cli.Run run(String... args) {
        return new Cli(new FakeEngine(), dir).run(args);
    }

    @Test
    void help_listsEveryCommandAndTheExitCodes() {
        Cli.Run run = run("--help");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("scan", "rules", "explain", "test", "baseline", "review", "--version")
                .contains("Exit codes:")
                .contains("0   Nothing at or above --fail-on")
                .contains("1   Findings at or above --fail-on")
                .contains("2   Usage or configuration error")
                .contains("3   Internal error")
                .contains("NO_COLOR");
    }

    @Test
    void scanHelp_listsItsFlagsAndTheExitCodes() {
        Cli.Run run = run("scan", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains(
                        "--format",
                        "--output",
                        "--fail-on",
                        "--user",
                        "--no-history",
                        "--bundle",
                        "--project-policies",
                        "--baseline",
                        "--exclude-rule",
                        "--include-rule",
                        "--quiet",
                        "--debug",
                        "--no-color",
                        "Exit codes:",
                        "default: high");
    }

    @Test
    void version_printsMcpsecAndTheBuildVersion() {
        Cli.Run run = run("--version");

        assertThat(run.code()).isZero();
        assertThat(run.out().trim()).isEqualTo("mcpsec " + VersionProvider.version());
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void noCommand_isAUsageErrorNamingTheCommands() {
        Cli.Run run = run();

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("missing command", "scan", "Try 'mcpsec --help'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownOption_isAUsageErrorWithAHint() {
        Cli.Run run = run("scan", "--formatt", "json");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--formatt'", "Try 'mcpsec scan --help'");
    }

    @Test
    void unknownCommand_isAUsageError() {
        Cli.Run run = run("scna");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("scna");
    }

    @Test
    void helpOnATerminal_isColouredUnlessNoColorIsSet() {
        Cli.Run coloured = new Cli(new FakeEngine(), dir).terminal().run("--help");
        Cli.Run plain =
                new Cli(new FakeEngine(), dir).terminal().variable("NO_COLOR", "").run("--help");

        assertThat(coloured.out()).contains("\u001b[");
        assertThat(plain.out()).doesNotContain("\u001b[");
    }

    @Test
    void subcommandTable_namesEachCommandAsItsClassDeclaresIt() {
        assertThat(Main.SUBCOMMANDS).hasSize(12);
        for (Map.Entry<String, Class<?>> e : Main.SUBCOMMANDS.entrySet()) {
            CommandLine.Command command = e.getValue().getAnnotation(CommandLine.Command.class);
            assertThat(command).as(e.getKey()).isNotNull();
            assertThat(command.name()).as(e.getValue().getName()).isEqualTo(e.getKey());
            assertThat(command.aliases()).as("aliases are not in the table").isEmpty();
        }
    }

    @Test
    void aCommandLineNamingOneCommand_buildsOnlyThatOne_andOtherCommandLinesBuildAll() {
        Environment env = new Cli(new FakeEngine(), dir).environment();

        assertThat(Main.commandLine(env, new FakeEngine(), "scan", ".").getSubcommands().keySet())
                .containsExactly("scan");
        for (List<String> all :
                List.of(
                        List.<String>of(),
                        List.of("--help"),
                        List.of("help", "scan"),
                        List.of("scna"))) {
            assertThat(
                            Main.commandLine(env, new FakeEngine(), all.toArray(String[]::new))
                                    .getSubcommands()
                                    .keySet())
                    .as(all.toString())
                    .containsExactlyElementsOf(Main.SUBCOMMANDS.keySet());
        }
    }

    @Test
    void aCommandsHelp_isTheSameWhetherItIsBuiltAloneOrWithEveryCommand() {
        for (String name : Main.SUBCOMMANDS.keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Cli.Run alone = run(name, "--help");
            Cli.Run viaHelp = run("help", name);

            assertThat(alone.code()).as(name).isZero();
            assertThat(viaHelp.out()).as(name).isEqualTo(alone.out());
        }
    }

    @Test
    void misspeltCommand_getsASuggestion() {
        Cli.Run run = run("scna");

        assertThat(run.err()).contains("Did you mean", "scan");
    }

    @Test
    void onlyClassPathBundles_isFalseWhenTheOptionsCouldNameAnotherBundle() {
        assertThat(Main.onlyClassPathBundles("scan", ".", "--format", "json")).isTrue();
        assertThat(Main.onlyClassPathBundles("scan", ".", "--bundle", "org.jar")).isFalse();
        assertThat(Main.onlyClassPathBundles("scan", "--bundle=org.jar")).isFalse();
        assertThat(Main.onlyClassPathBundles("scan", ".", "--project-policies")).isFalse();
        assertThat(Main.onlyClassPathBundles("scan", "@options.txt")).isFalse();
    }
}
