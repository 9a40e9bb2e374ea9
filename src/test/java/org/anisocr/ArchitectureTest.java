package org.anisocr;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one-way package structure of docs/architecture.md, checked on the compiled main classes: each layer uses
 * only the layers listed for it, the package graph has no cycles, the solver backends stay apart, and only config
 * (and the sweep's --vary, which edits a model file's tree before config reads it) sees TOML.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.anisocr");
    }

    @Test
    void layers() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("grid").definedBy("org.anisocr.grid..")
                .layer("field").definedBy("org.anisocr.field..")
                .layer("operator").definedBy("org.anisocr.operator..")
                .layer("source").definedBy("org.anisocr.source..")
                .layer("config").definedBy("org.anisocr.config..")
                .layer("solver").definedBy("org.anisocr.solver..")
                .layer("io").definedBy("org.anisocr.io..")
                .layer("analysis").definedBy("org.anisocr.analysis..")
                .layer("run").definedBy("org.anisocr.run..")
                .layer("validation").definedBy("org.anisocr.validation..")
                .layer("bench").definedBy("org.anisocr.bench..")
                .layer("sweep").definedBy("org.anisocr.sweep..")
                .layer("cli").definedBy("org.anisocr.cli..")
                .whereLayer("grid").mayNotAccessAnyLayer()
                .whereLayer("field").mayOnlyAccessLayers("grid")
                .whereLayer("operator").mayOnlyAccessLayers("grid", "field")
                .whereLayer("source").mayOnlyAccessLayers("grid", "field", "operator")
                .whereLayer("config").mayOnlyAccessLayers("grid", "field", "operator", "source")
                .whereLayer("solver").mayOnlyAccessLayers("grid", "field", "operator", "source", "config")
                .whereLayer("io").mayOnlyAccessLayers("grid", "config")
                .whereLayer("analysis").mayOnlyAccessLayers("grid", "field", "operator", "config", "io")
                .whereLayer("run").mayOnlyAccessLayers("grid", "field", "operator", "source", "config", "solver", "io", "analysis")
                .whereLayer("validation").mayOnlyAccessLayers("grid", "field", "operator", "source", "config", "solver", "io")
                .whereLayer("bench").mayOnlyAccessLayers("grid", "field", "operator", "source", "config", "solver", "io")
                .whereLayer("sweep").mayOnlyAccessLayers("grid", "config", "io", "analysis", "run")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer();
        rule.check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.anisocr.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void solverBackendsStayApart() {
        noClasses().that().resideInAPackage("org.anisocr.solver")
                .should().dependOnClassesThat().resideInAnyPackage("org.anisocr.solver.cpu..", "org.anisocr.solver.gpu..", "org.anisocr.solver.steady..")
                .because("the solver core (SplitStepper, Backend, stability) is what the backends implement, not a switch over them")
                .check(classes);
        noClasses().that().resideInAPackage("org.anisocr.solver.cpu..")
                .should().dependOnClassesThat().resideInAnyPackage("org.anisocr.solver.gpu..", "org.anisocr.solver.steady..").check(classes);
        noClasses().that().resideInAPackage("org.anisocr.solver.gpu..")
                .should().dependOnClassesThat().resideInAnyPackage("org.anisocr.solver.cpu..", "org.anisocr.solver.steady..").check(classes);
        noClasses().that().resideInAPackage("org.anisocr.solver.steady..")
                .should().dependOnClassesThat().resideInAnyPackage("org.anisocr.solver.cpu..", "org.anisocr.solver.gpu..").check(classes);
    }

    @Test
    void onlyConfigReadsModelFiles() {
        noClasses().that().resideOutsideOfPackages("org.anisocr.config..", "org.anisocr.sweep..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.dataformat.toml..")
                .because("config owns all parsing: physics, solvers and analysis take its records")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.anisocr.grid..", "org.anisocr.field..", "org.anisocr.operator..",
                        "org.anisocr.source..", "org.anisocr.solver..", "org.anisocr.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .orShould().dependOnClassesThat().haveSimpleName("TableReader")
                .because("physics classes never parse files")
                .check(classes);
    }
}
