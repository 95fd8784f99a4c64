package dev.mcpsec;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the package map and the dependency rules of docs/architecture.md: no cycles between
 * packages, value types at the bottom, one facade on top, and the engine knows nothing of its front
 * ends.
 */
class ArchitectureTest {
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        // this module's main classes only: scanning every jar of the test class path for the
        // package costs seconds
        engine = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void packages_haveNoCycles() {
        slices().matching("dev.mcpsec.(*)..").should().beFreeOfCycles().check(engine);
    }

    @Test
    void engine_knowsNothingOfMavenOrPicocli() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "picocli..")
                .check(engine);
    }

    @Test
    void api_holdsValueTypesOverTheJdkOnly() {
        classes()
                .that()
                .resideInAPackage("dev.mcpsec.api")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.mcpsec.api", "java..")
                .check(engine);
    }

    @Test
    void facts_dependOnTheJdkOnly() {
        classes()
                .that()
                .resideInAPackage("dev.mcpsec.facts")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.mcpsec.facts", "java..")
                .check(engine);
    }

    @Test
    void json_isJacksonTreesOverTheJdkOnly() {
        classes()
                .that()
                .resideInAPackage("dev.mcpsec.json")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.mcpsec.json", "com.fasterxml.jackson..", "java..")
                .check(engine);
    }

    @Test
    void options_areDecidedOverTheApiOnly() {
        classes()
                .that()
                .resideInAPackage("dev.mcpsec.options")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.mcpsec.options", "dev.mcpsec.api", "java..")
                .check(engine);
    }

    @Test
    void secrets_areAPureLibraryOverStrings() {
        noClasses()
                .that()
                .resideInAPackage("dev.mcpsec.secrets")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mcpsec.rules..",
                        "dev.mcpsec.report..",
                        "dev.mcpsec.scan..",
                        "dev.mcpsec.git..",
                        "dev.mcpsec.discovery..",
                        "dev.mcpsec.parse..",
                        "dev.mcpsec.extract..",
                        "dev.mcpsec.project..",
                        "dev.mcpsec.engine..",
                        "org.kie..",
                        "org.drools..")
                .check(engine);
    }

    @Test
    void parsingAndDiscovery_doNotReachIntoSecretsGitOrRules() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.mcpsec.parse", "dev.mcpsec.discovery")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mcpsec.secrets..",
                        "dev.mcpsec.git..",
                        "dev.mcpsec.rules..",
                        "dev.mcpsec.scan..",
                        "dev.mcpsec.report..",
                        "dev.mcpsec.extract..",
                        "dev.mcpsec.project..",
                        "dev.mcpsec.engine..",
                        "org.kie..",
                        "org.drools..")
                .check(engine);
    }

    @Test
    void git_readsRepositoriesOnly() {
        noClasses()
                .that()
                .resideInAPackage("dev.mcpsec.git")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mcpsec.secrets..",
                        "dev.mcpsec.parse..",
                        "dev.mcpsec.rules..",
                        "dev.mcpsec.scan..",
                        "dev.mcpsec.report..",
                        "dev.mcpsec.extract..",
                        "dev.mcpsec.project..",
                        "dev.mcpsec.engine..",
                        "org.kie..",
                        "org.drools..")
                .check(engine);
    }

    @Test
    void jgit_isUsedInGitOnly() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.mcpsec.git")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.jgit..")
                .check(engine);
    }

    @Test
    void drools_isUsedInRulesOnly() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.mcpsec.rules")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.kie..", "org.drools..")
                .check(engine);
    }

    @Test
    void extraction_turnsConfigsIntoFactsWithoutRules() {
        noClasses()
                .that()
                .resideInAPackage("dev.mcpsec.extract")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mcpsec.rules..",
                        "dev.mcpsec.scan..",
                        "dev.mcpsec.report..",
                        "dev.mcpsec.engine..")
                .check(engine);
    }

    @Test
    void projectFiles_areReadWithoutScanning() {
        noClasses()
                .that()
                .resideInAPackage("dev.mcpsec.project")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mcpsec.scan..",
                        "dev.mcpsec.extract..",
                        "dev.mcpsec.git..",
                        "dev.mcpsec.report..",
                        "dev.mcpsec.engine..")
                .check(engine);
    }

    @Test
    void rules_knowFactsButNotHowTheyAreGathered() {
        noClasses()
                .that()
                .resideInAPackage("dev.mcpsec.rules")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mcpsec.scan..",
                        "dev.mcpsec.parse..",
                        "dev.mcpsec.discovery..",
                        "dev.mcpsec.extract..",
                        "dev.mcpsec.project..",
                        "dev.mcpsec.report..",
                        "dev.mcpsec.engine..")
                .check(engine);
    }

    @Test
    void reports_renderResultsOnly() {
        noClasses()
                .that()
                .resideInAPackage("dev.mcpsec.report")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mcpsec.scan..",
                        "dev.mcpsec.parse..",
                        "dev.mcpsec.discovery..",
                        "dev.mcpsec.git..",
                        "dev.mcpsec.secrets..",
                        "dev.mcpsec.rules..",
                        "dev.mcpsec.facts..",
                        "dev.mcpsec.extract..",
                        "dev.mcpsec.project..",
                        "dev.mcpsec.engine..",
                        "org.kie..",
                        "org.drools..")
                .check(engine);
    }

    @Test
    void supplyChain_isALibraryOverFactsAndData() {
        noClasses()
                .that()
                .resideInAPackage("dev.mcpsec.supply")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mcpsec.rules..",
                        "dev.mcpsec.report..",
                        "dev.mcpsec.scan..",
                        "dev.mcpsec.git..",
                        "dev.mcpsec.discovery..",
                        "dev.mcpsec.parse..",
                        "dev.mcpsec.extract..",
                        "dev.mcpsec.project..",
                        "dev.mcpsec.engine..",
                        "org.kie..",
                        "org.drools..")
                .check(engine);
    }

    @Test
    void onlyTheFacade_usesTheOrchestration() {
        classes()
                .that()
                .resideInAPackage("dev.mcpsec.scan")
                .should()
                .onlyHaveDependentClassesThat()
                .resideInAnyPackage("dev.mcpsec.scan", "dev.mcpsec.engine", "dev.mcpsec.fleet")
                .check(engine);
    }

    @Test
    void nothing_dependsOnTheFacade() {
        classes()
                .that()
                .resideInAPackage("dev.mcpsec.engine")
                .should()
                .onlyHaveDependentClassesThat()
                .resideInAPackage("dev.mcpsec.engine")
                .check(engine);
    }

    @Test
    void fleet_runsScansThroughTheOrchestration_andNothingButTheFacadeStartsIt() {
        noClasses()
                .that()
                .resideInAPackage("dev.mcpsec.fleet")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mcpsec.parse..",
                        "dev.mcpsec.discovery..",
                        "dev.mcpsec.secrets..",
                        "dev.mcpsec.extract..")
                .check(engine);
        classes()
                .that()
                .resideInAPackage("dev.mcpsec.fleet")
                .should()
                .onlyHaveDependentClassesThat()
                .resideInAnyPackage("dev.mcpsec.fleet", "dev.mcpsec.engine")
                .check(engine);
    }
}
