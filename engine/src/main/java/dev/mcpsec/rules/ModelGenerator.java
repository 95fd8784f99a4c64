package dev.mcpsec.rules;

import dev.mcpsec.api.PolicyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.model.KieModuleModel;

/**
 * Build time only: compiles a bundle's DRL into Drools' executable model and writes its classes and
 * the index {@code META-INF/mcpsec/model/<fingerprint>.properties} (see {@link PrecompiledModel})
 * into a class folder. The policies build runs it over its own {@code target/classes}, so the
 * policies jar ships the model next to the DRL it was made from.
 *
 * <p>Needs {@code drools-model-codegen}, which is a build-time dependency only: the engine at run
 * time loads the generated classes with {@code drools-model-compiler} and never generates code.
 */
public final class ModelGenerator {
    private ModelGenerator() {}

    /**
     * {@code ModelGenerator CLASSES_DIR}: the bundle under {@code CLASSES_DIR/META-INF/mcpsec/},
     * its model written into {@code CLASSES_DIR}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ModelGenerator CLASSES_DIR");
        }
        Path classes = Path.of(args[0]);
        Result r;
        try {
            r = generate(BundleLoader.fromDirectory(classes), classes);
        } catch (PolicyException e) {
            throw new IllegalStateException(
                    e.getMessage() + ":\n  " + String.join("\n  ", e.problems()), e);
        }
        System.out.println(
                "mcpsec: executable model of "
                        + r.rules()
                        + " DRL files written to "
                        + classes
                        + ": "
                        + r.classes()
                        + " classes, fingerprint "
                        + r.fingerprint());
    }

    /** What {@link #generate} wrote. */
    public record Result(String fingerprint, int rules, int classes) {}

    /** Generates the model of {@code bundle}'s DRL into {@code out} (a class folder). */
    public static Result generate(Bundle bundle, Path out) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ModelGenerator.class.getClassLoader());
        try {
            KieServices ks = KieServices.get();
            KieFileSystem kfs = ks.newKieFileSystem();
            KieModuleModel module = ks.newKieModuleModel();
            for (String[] s : PrecompiledModel.BUILDER_SETTINGS) {
                module.setConfigurationProperty(s[0], s[1]);
            }
            module.newKieBaseModel("mcpsec").setDefault(true).addPackage("*");
            kfs.writeKModuleXML(module.toXML());
            for (Bundle.DrlFile f : bundle.policies()) {
                kfs.write(
                        "src/main/resources/mcpsec/model/" + PrecompiledModel.fileName(f.path()),
                        f.content().getBytes(StandardCharsets.UTF_8));
            }
            KieBuilder builder =
                    ks.newKieBuilder(kfs, ModelGenerator.class.getClassLoader())
                            .buildAll(ExecutableModelProject.class);
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                throw new PolicyException(
                        "executable model generation failed",
                        errors.stream().map(Message::toString).toList());
            }
            InternalKieModule kieModule = (InternalKieModule) builder.getKieModule();
            clean(bundle, out);
            List<String> models = new ArrayList<>();
            int written = 0;
            for (String name : kieModule.getFileNames()) {
                if (!name.endsWith(".class") || name.startsWith("org/drools/project/model/")) {
                    continue;
                }
                Path target = out.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, kieModule.getBytes(name));
                written++;
                String className = name.substring(0, name.length() - 6).replace('/', '.');
                if (isModel(className)) {
                    models.add(className);
                }
            }
            String fingerprint = PrecompiledModel.fingerprint(bundle.policies());
            Path index = out.resolve(PrecompiledModel.INDEX_DIR + fingerprint + ".properties");
            Files.createDirectories(index.getParent());
            String text =
                    "# executable model of the bundle "
                            + bundle.id()
                            + ", generated at build time by dev.mcpsec.rules.ModelGenerator\n"
                            + "fingerprint="
                            + fingerprint
                            + "\nmodels="
                            + String.join(",", models.stream().sorted().toList())
                            + "\n";
            Files.writeString(index, text, StandardCharsets.UTF_8);
            // the same under a fixed name: the model can be loaded before the DRL is read
            Files.writeString(
                    out.resolve(PrecompiledModel.CURRENT_INDEX), text, StandardCharsets.UTF_8);
            return new Result(fingerprint, bundle.policies().size(), written);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Removes an earlier model: every index, and the classes of each DRL package's folder (which
     * hold generated classes only: the bundle's class folder has no Java of its own), so that no
     * class of an older DRL is left next to the new model.
     */
    private static void clean(Bundle bundle, Path out) throws IOException {
        Path indexes = out.resolve(PrecompiledModel.INDEX_DIR);
        List<Path> old = new ArrayList<>();
        if (Files.isDirectory(indexes)) {
            try (var files = Files.list(indexes)) {
                files.forEach(old::add);
            }
        }
        for (Bundle.DrlFile f : bundle.policies()) {
            String pkg = PolicyCompiler.packageOf(f.content());
            Path dir = pkg.isEmpty() ? null : out.resolve(pkg.replace('.', '/'));
            if (dir != null && Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    files.filter(p -> p.toString().endsWith(".class")).forEach(old::add);
                }
            }
        }
        for (Path p : old) {
            Files.deleteIfExists(p);
        }
    }

    /**
     * The model class of each package is {@code <package>.Rules<HASH>}; its helpers are {@code
     * Rules<HASH>RuleMethods<n>}, {@code Rules<HASH>_<unit>} and nested classes.
     */
    private static boolean isModel(String className) {
        return className.substring(className.lastIndexOf('.') + 1).matches("Rules[0-9A-F]+");
    }
}
