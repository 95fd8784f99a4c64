package dev.mcpsec.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Maven plugin is a thin front end: it reaches the engine through the facade, the value types,
 * the options and reports.
 */
class FrontEndArchitectureTest {

    @Test
    void plugin_usesTheFacadeValueTypesOptionsAndReportsOnly() {
        // this module's main classes only: scanning every jar of the test class path for the
        // package costs seconds
        JavaClasses plugin = new ClassFileImporter().importPath(Path.of("target/classes"));
        noClasses()
                .that()
                .resideInAPackage("dev.mcpsec.maven")
                // build-time tooling, left out of the plugin jar: makes its training project's git
                // history with the engine's fixture repository
                .and()
                .haveNameNotMatching("dev\\.mcpsec\\.maven\\.ScanClassList.*")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mcpsec.scan..",
                        "dev.mcpsec.extract..",
                        "dev.mcpsec.project..",
                        "dev.mcpsec.rules..",
                        "dev.mcpsec.discovery..",
                        "dev.mcpsec.parse..",
                        "dev.mcpsec.facts..",
                        "dev.mcpsec.secrets..",
                        "dev.mcpsec.git..",
                        "org.kie..",
                        "org.drools..",
                        "org.eclipse.jgit..")
                .check(plugin);
    }
}
