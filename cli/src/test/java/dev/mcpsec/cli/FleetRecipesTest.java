package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The fleet recipes in examples/fleet parse, and every mcpsec command line in them is one the CLI
 * accepts.
 */
class FleetRecipesTest {
    private static final Path RECIPES = Path.of("..", "examples", "fleet");
    private static final Pattern COMMAND =
            Pattern.compile("mcpsec (fleet|merge)((?: +[^\\s'\"]+)+)");

    @ParameterizedTest
    @ValueSource(strings = {"github-actions-fleet.yml", "kubernetes-fleet-job.yaml", "Jenkinsfile"})
    void everyMcpsecCommandInTheRecipe_parses(String recipe) throws Exception {
        String text = Files.readString(RECIPES.resolve(recipe), StandardCharsets.UTF_8);
        if (recipe.endsWith(".yml") || recipe.endsWith(".yaml")) {
            assertThatCode(() -> new ObjectMapper(new YAMLFactory()).readValue(text, Map.class))
                    .as(recipe + " is valid YAML")
                    .doesNotThrowAnyException();
        }
        // the values a CI system substitutes before the shell sees the line
        String expanded =
                text.replace("${{ matrix.shard }}", "2")
                        .replace("$((JOB_COMPLETION_INDEX + 1))", "2")
                        .replace("${shard}", "2")
                        .replace("${shards}", "4");
        Matcher m = COMMAND.matcher(expanded);
        List<String> lines = new ArrayList<>();
        while (m.find()) {
            lines.add(m.group(0));
            List<String> args = new ArrayList<>();
            args.add(m.group(1));
            args.addAll(List.of(m.group(2).trim().split(" +")));
            Environment env =
                    new Environment(
                            new PrintStream(
                                    new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                            new PrintStream(
                                    new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                            Map.of(),
                            false,
                            Path.of("."),
                            Path.of("."));
            CommandLine cmd = Main.commandLine(env, new FakeEngine());
            assertThatCode(() -> cmd.parseArgs(args.toArray(String[]::new)))
                    .as(recipe + ": " + m.group(0))
                    .doesNotThrowAnyException();
        }
        assertThat(lines)
                .as("the recipe runs mcpsec fleet and merge")
                .anyMatch(l -> l.startsWith("mcpsec fleet"));
        if (!recipe.startsWith("kubernetes")) {
            assertThat(lines).anyMatch(l -> l.startsWith("mcpsec merge"));
        }
    }
}
