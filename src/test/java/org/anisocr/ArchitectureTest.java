package org.anisocr;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    /**
     * Each package and the packages it may import (the table of docs/architecture.md), bottom to top. A package
     * stands for itself and its subpackages (solver: solver, solver.cpu, solver.gpu, solver.steady, solver.linalg).
     */
    static final Map<String, List<String>> MAY_IMPORT = layers(
            "grid", "",
            "field", "grid",
            "operator", "grid field",
            "source", "grid field operator",
            "config", "grid field operator source",
            "solver", "grid field operator source config",
            "io", "grid config",
            "analysis", "grid field operator config io",
            "run", "grid field operator source config solver io analysis",
            "validation", "grid field operator source config solver io",
            "bench", "grid field operator source config solver io",
            "sweep", "grid config io analysis run",
            "cli", "grid field operator source config solver io analysis run validation bench sweep");

    private static Map<String, List<String>> layers(String... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1].isEmpty() ? List.of() : List.of(pairs[i + 1].split(" ")));
        return m;
    }

    @Test
    void layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : MAY_IMPORT.keySet()) rule = rule.layer(layer).definedBy("org.anisocr." + layer + "..");
        for (Map.Entry<String, List<String>> e : MAY_IMPORT.entrySet())
            rule = e.getValue().isEmpty() ? rule.whereLayer(e.getKey()).mayNotAccessAnyLayer()
                    : rule.whereLayer(e.getKey()).mayOnlyAccessLayers(e.getValue().toArray(String[]::new));
        rule.check(classes);
    }

    @Test
    void everyMainPackageIsInATableRow() {
        for (var c : classes) {
            String pkg = c.getPackageName().replaceFirst("^org\\.anisocr\\.?", "");
            if (pkg.isEmpty()) continue;
            assertTrue(MAY_IMPORT.containsKey(pkg.split("\\.")[0]), "package " + c.getPackageName() + " is not in the layer table");
        }
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
    void linearAlgebraIsBelowEveryBackend() {
        noClasses().that().resideInAPackage("org.anisocr.solver.linalg..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.anisocr.solver.linalg..", "java..")
                .because("solver.linalg is the lower layer every backend may import: plain arrays, nothing above it")
                .check(classes);
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
