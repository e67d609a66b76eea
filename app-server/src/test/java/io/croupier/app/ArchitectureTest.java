package io.croupier.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The app server's dependency rules, checked rather than hoped for. */
@AnalyzeClasses(packages = "io.croupier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** One place knows how the app talks to Ignite; the edge and the features see the money API and plain values. */
    @ArchTest
    static final ArchRule onlyTheGridPackageUsesIgnite = noClasses()
            .that().resideInAPackage("io.croupier.app..")
            .and().resideOutsideOfPackage("io.croupier.app.grid..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.ignite..");

    /** app-server → grid-node → compute-jobs, never back: the edge can be replaced without touching the grid. */
    @ArchTest
    static final ArchRule nothingDependsOnTheAppServer = noClasses()
            .that().resideOutsideOfPackage("io.croupier.app..")
            .should().dependOnClassesThat().resideInAPackage("io.croupier.app..");

    /** The edge reaches the grid through the grid package's services, not by starting or configuring nodes itself. */
    @ArchTest
    static final ArchRule onlyTheGridPackageStartsNodes = noClasses()
            .that().resideInAPackage("io.croupier.app..")
            .and().resideOutsideOfPackage("io.croupier.app.grid..")
            .should().dependOnClassesThat().resideInAPackage("io.croupier.node..");
}
