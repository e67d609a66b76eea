package io.croupier.node;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module direction app-server → grid-node → compute-jobs, as rules over the compiled classes. */
class ArchitectureTest {
    private static final String[] COMPUTE_JOBS = {"io.croupier.wallet..", "io.croupier.player..", "io.croupier.admin..",
            "io.croupier.schema..", "io.croupier.audit..", "io.croupier.check..", "io.croupier.fair..",
            "io.croupier.slots..", "io.croupier.roulette..", "io.croupier.game..", "io.croupier.fraud.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.croupier");
    }

    @Test
    void theDataModelAndJobsDependOnNoneOfOurUpperTiers() {
        noClasses().that().resideInAnyPackage(COMPUTE_JOBS)
                .should().dependOnClassesThat().resideInAnyPackage("io.croupier.node..", "io.croupier.app..",
                        "io.croupier.bench..")
                .because("compute-jobs holds the data model and the jobs and depends on nothing of ours")
                .check(classes);
    }

    @Test
    void theDataModelAndJobsUseNeitherSpringNorWebSockets() {
        noClasses().that().resideInAnyPackage(COMPUTE_JOBS)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.websocket..",
                        "javax.websocket..", "org.glassfish.tyrus..")
                .because("jobs run on grid nodes, which have neither a Spring context nor WebSocket sessions")
                .check(classes);
    }

    @Test
    void theGridNodeDoesNotDependOnTheAppServer() {
        noClasses().that().resideInAPackage("io.croupier.node..")
                .should().dependOnClassesThat().resideInAnyPackage("io.croupier.app..", "io.croupier.bench..",
                        "org.springframework..")
                .because("app-server → grid-node → compute-jobs: nothing depends on the app server")
                .check(classes);
    }

    @Test
    void theRulesSeeTheClassesTheyAreAbout() {
        // An import that found nothing would make every rule above pass vacuously.
        assertThat(classes.containPackage("io.croupier.wallet")).isTrue();
        assertThat(classes.containPackage("io.croupier.audit")).isTrue();
        assertThat(classes.containPackage("io.croupier.node")).isTrue();
        assertThat(classes.containPackage("io.croupier.roulette")).isTrue();
        assertThat(classes.containPackage("io.croupier.slots")).isTrue();
    }
}
