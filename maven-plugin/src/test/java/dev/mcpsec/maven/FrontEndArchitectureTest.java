package dev.mcpsec.maven;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The Maven plugin is a thin front end: it reaches the engine through the facade, the value types, the options and reports. */
class FrontEndArchitectureTest {

    @Test
    void plugin_usesTheFacadeValueTypesOptionsAndReportsOnly() {
        JavaClasses plugin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mcpsec.maven");
        noClasses().that().resideInAPackage("dev.mcpsec.maven").should().dependOnClassesThat()
                .resideInAnyPackage("dev.mcpsec.scan..", "dev.mcpsec.extract..", "dev.mcpsec.project..",
                        "dev.mcpsec.rules..", "dev.mcpsec.discovery..", "dev.mcpsec.parse..", "dev.mcpsec.facts..",
                        "dev.mcpsec.secrets..", "dev.mcpsec.git..", "org.kie..", "org.drools..", "org.eclipse.jgit..")
                .check(plugin);
    }
}
