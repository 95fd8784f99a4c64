package dev.mcpsec.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The CLI is a thin front end: it reaches the engine through the facade, the value types, the options and reports. */
class FrontEndArchitectureTest {

    @Test
    void cli_usesTheFacadeValueTypesOptionsAndReportsOnly() {
        JavaClasses cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mcpsec.cli");
        noClasses().that().resideInAPackage("dev.mcpsec.cli").should().dependOnClassesThat()
                .resideInAnyPackage("dev.mcpsec.scan..", "dev.mcpsec.extract..", "dev.mcpsec.project..",
                        "dev.mcpsec.rules..", "dev.mcpsec.discovery..", "dev.mcpsec.parse..", "dev.mcpsec.facts..",
                        "dev.mcpsec.secrets..", "dev.mcpsec.git..", "org.kie..", "org.drools..", "org.eclipse.jgit..")
                .check(cli);
    }
}
