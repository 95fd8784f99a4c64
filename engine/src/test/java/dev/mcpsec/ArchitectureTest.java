package dev.mcpsec;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Guards the package directions of architecture.md: the engine knows nothing of its front ends. */
class ArchitectureTest {
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mcpsec");
    }

    @Test
    void engine_knowsNothingOfMavenOrPicocli() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "picocli..")
                .check(engine);
    }

    @Test
    void facts_dependOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.mcpsec.facts").should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.mcpsec.facts", "java..").check(engine);
    }

    @Test
    void secrets_areAPureLibraryOverStrings() {
        noClasses().that().resideInAPackage("dev.mcpsec.secrets").should().dependOnClassesThat()
                .resideInAnyPackage("dev.mcpsec.rules..", "dev.mcpsec.report..", "dev.mcpsec.scan..",
                        "dev.mcpsec.git..", "dev.mcpsec.discovery..", "dev.mcpsec.parse..", "org.kie..", "org.drools..")
                .check(engine);
    }

    @Test
    void parsingAndDiscovery_doNotReachIntoSecretsGitOrRules() {
        noClasses().that().resideInAnyPackage("dev.mcpsec.parse", "dev.mcpsec.discovery").should()
                .dependOnClassesThat().resideInAnyPackage("dev.mcpsec.secrets..", "dev.mcpsec.git..",
                        "dev.mcpsec.rules..", "dev.mcpsec.scan..", "dev.mcpsec.report..", "org.kie..", "org.drools..")
                .check(engine);
    }

    @Test
    void git_readsRepositoriesOnly() {
        noClasses().that().resideInAPackage("dev.mcpsec.git").should().dependOnClassesThat()
                .resideInAnyPackage("dev.mcpsec.secrets..", "dev.mcpsec.parse..", "dev.mcpsec.rules..",
                        "dev.mcpsec.scan..", "dev.mcpsec.report..", "org.kie..", "org.drools..")
                .check(engine);
    }

    @Test
    void rules_knowFactsButNotHowTheyAreGathered() {
        noClasses().that().resideInAPackage("dev.mcpsec.rules").should().dependOnClassesThat()
                .resideInAnyPackage("dev.mcpsec.scan..", "dev.mcpsec.parse..", "dev.mcpsec.discovery..",
                        "dev.mcpsec.git..", "dev.mcpsec.secrets..", "dev.mcpsec.report..")
                .check(engine);
    }

    @Test
    void reports_renderResultsOnly() {
        noClasses().that().resideInAPackage("dev.mcpsec.report").should().dependOnClassesThat()
                .resideInAnyPackage("dev.mcpsec.scan..", "dev.mcpsec.parse..", "dev.mcpsec.discovery..",
                        "dev.mcpsec.git..", "dev.mcpsec.secrets..", "dev.mcpsec.rules..", "dev.mcpsec.facts..",
                        "org.kie..", "org.drools..")
                .check(engine);
    }

    @Test
    void onlyTheFacade_usesTheOrchestration() {
        classes().that().resideInAPackage("dev.mcpsec.scan").should().onlyHaveDependentClassesThat()
                .resideInAnyPackage("dev.mcpsec.scan", "dev.mcpsec.api", "dev.mcpsec.fleet").check(engine);
    }

    @Test
    void fleet_runsScansThroughTheOrchestration_andNothingButTheFacadeStartsIt() {
        noClasses().that().resideInAPackage("dev.mcpsec.fleet").should().dependOnClassesThat()
                .resideInAnyPackage("dev.mcpsec.parse..", "dev.mcpsec.discovery..", "dev.mcpsec.secrets..")
                .check(engine);
        classes().that().resideInAPackage("dev.mcpsec.fleet").should().onlyHaveDependentClassesThat()
                .resideInAnyPackage("dev.mcpsec.fleet", "dev.mcpsec.api").check(engine);
    }
}
