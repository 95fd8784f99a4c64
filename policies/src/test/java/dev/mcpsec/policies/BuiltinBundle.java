package dev.mcpsec.policies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpsec.facts.PolicyData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/** Test access to the built-in bundle's sources: its DRL files compiled with a plain KnowledgeBuilder, and its data. */
final class BuiltinBundle {

    static final Path DIR = Path.of("src/main/resources/META-INF/mcpsec");

    static final List<String> CHECKLIST_IDS = List.of("production-keys", "stripe-test-keys", "committed-secrets",
            "history-secrets", "config-ignored", "github-fine-grained", "dev-database", "filesystem-scope",
            "stdio-transport", "trusted-publishers", "source-reviewed", "key-reuse", "key-rotation",
            "client-auto-approve", "least-privilege", "pinned-versions", "client-exec", "hidden-instructions",
            "secrets-sent-away");

    private static KieBase kieBase;

    private BuiltinBundle() {
    }

    static List<Path> drlFiles() {
        return list(DIR.resolve("policies"), ".drl");
    }

    static List<String> compileErrors() {
        return compile(drlFiles()).getErrors().stream().map(Object::toString).toList();
    }

    static synchronized KieBase kieBase() {
        if (kieBase == null) {
            KnowledgeBuilder builder = compile(drlFiles());
            if (builder.hasErrors()) {
                throw new IllegalStateException(builder.getErrors().toString());
            }
            kieBase = builder.newKieBase();
        }
        return kieBase;
    }

    static List<Rule> rules() {
        return kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .sorted(Comparator.comparing(Rule::getName)).toList();
    }

    static Collection<Rule> rulesIn(Path drl) {
        KnowledgeBuilder builder = compile(List.of(drl));
        return builder.getKnowledgePackages().stream().flatMap(p -> p.getRules().stream()).toList();
    }

    /** Every data/*.json list as PolicyData facts, the way the engine loads them. */
    static List<PolicyData> policyData() {
        ObjectMapper json = new ObjectMapper();
        List<PolicyData> data = new ArrayList<>();
        for (Path file : list(DIR.resolve("data"), ".json")) {
            String name = file.getFileName().toString().replace(".json", "");
            try {
                JsonNode root = json.readTree(file.toFile());
                for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    entry.getValue().forEach(v -> data.add(new PolicyData("builtin", name, entry.getKey(), v.asText())));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    private static KnowledgeBuilder compile(List<Path> files) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        files.forEach(f -> builder.add(ResourceFactory.newFileResource(f.toFile()), ResourceType.DRL));
        return builder;
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
