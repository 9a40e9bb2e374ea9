package org.anisocr;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.anisocr");
    }

    /**
     * Each package and the packages it may import (the table of docs/architecture.md), bottom to top. A package
     * stands for itself and its subpackages (solver: solver, solver.cpu, solver.gpu, solver.steady, solver.linalg).
     */
    static final Map<String, List<String>> MAY_IMPORT = layers(
            "grid", "",
            "gas", "",
            "sky", "",
            "field", "grid",
            "operator", "grid gas field",
            "source", "grid gas field operator",
            "solver", "grid gas field operator source",
            "config", "grid gas field operator source solver",
            "io", "grid gas config",
            "analysis", "grid gas sky field operator config io",
            "run", "grid gas sky field operator source solver config io analysis",
            "validation", "grid gas sky field operator source solver config io analysis",
            "bench", "grid gas field operator source solver config io",
            "sweep", "grid config io analysis run",
            "cli", "grid gas sky field operator source solver config io analysis run validation bench sweep");

    private static Map<String, List<String>> layers(String... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1].isEmpty() ? List.of() : List.of(pairs[i + 1].split(" ")));
        }
        return m;
    }

    @Test
    void layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : MAY_IMPORT.keySet()) {
            rule = rule.layer(layer).definedBy("org.anisocr." + layer + "..");
        }
        for (Map.Entry<String, List<String>> e : MAY_IMPORT.entrySet()) {
            rule = e.getValue().isEmpty() ? rule.whereLayer(e.getKey()).mayNotAccessAnyLayer()
                    : rule.whereLayer(e.getKey()).mayOnlyAccessLayers(e.getValue().toArray(String[]::new));
        }
        rule.check(classes);
    }

    @Test
    void solverNeverImportsConfig() {
        noClasses().that().resideInAPackage("org.anisocr.solver..")
                .should().dependOnClassesThat().resideInAPackage("org.anisocr.config..")
                .because("each layer owns its settings: config builds the solver's records from TOML, "
                        + "the solver never sees the parsing package")
                .check(classes);
    }

    @Test
    void cliUsesNoSolverInternals() {
        noClasses().that().resideInAPackage("org.anisocr.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.anisocr.solver.cpu..", "org.anisocr.solver.gpu..", "org.anisocr.solver.steady..",
                        "org.anisocr.solver.linalg..")
                .because("the commands talk to run, bench and the core solver types; how a backend works is "
                        + "the solver's business")
                .check(classes);
    }

    /**
     * README's one-line flow lists the layers bottom to top; each may import only layers to its left. Its order
     * must be the table's, or the sentence and the code say different things.
     */
    @Test
    void readmeFlowSentenceMatchesTheTable() throws IOException {
        String line = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("Imports go one way")).findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no line starting 'Imports go one way'"));
        String chain = line.substring(line.indexOf('`') + 1, line.indexOf('`', line.indexOf('`') + 1));
        Map<String, Integer> rank = new LinkedHashMap<>();
        String[] steps = chain.replace("(cpu | gpu | steady)", "").split("→");
        for (int i = 0; i < steps.length; i++) {
            for (String pkg : steps[i].split("\\|")) {
                rank.put(pkg.trim(), i);
            }
        }
        assertEquals(MAY_IMPORT.keySet(), rank.keySet(), "README's flow names the table's packages");
        for (Map.Entry<String, List<String>> e : MAY_IMPORT.entrySet()) {
            for (String lower : e.getValue()) {
                assertTrue(rank.get(lower) < rank.get(e.getKey()),
                        e.getKey() + " may import " + lower + ", so README's flow must list " + lower + " to its left");
            }
        }
    }

    /** docs/architecture.md's layer table lists, for each package, exactly what MAY_IMPORT allows. */
    @Test
    void architectureTableMatchesMayImport() throws IOException {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        for (String row : Files.readAllLines(Path.of("docs/architecture.md"))) {
            String[] cells = row.split("\\|");
            if (cells.length < 4 || !cells[1].trim().startsWith("`")) {
                continue;
            }
            String pkg = cells[1].trim().split("`")[1];
            String allowed = cells[2].trim();
            table.put(pkg, allowed.equals("—") ? Set.of() : Set.of(allowed.split(",\\s*")));
        }
        Map<String, Set<String>> code = new LinkedHashMap<>();
        MAY_IMPORT.forEach((pkg, allowed) -> code.put(pkg, Set.copyOf(allowed)));
        assertEquals(code, table, "docs/architecture.md's layer table and ArchitectureTest.MAY_IMPORT");
    }

    @Test
    void everyMainPackageIsInATableRow() {
        for (var c : classes) {
            String pkg = c.getPackageName().replaceFirst("^org\\.anisocr\\.?", "");
            if (pkg.isEmpty()) {
                continue;
            }
            assertTrue(
                    MAY_IMPORT.containsKey(pkg.split("\\.")[0]),
                    "package " + c.getPackageName() + " is not in the layer table");
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.anisocr.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void solverBackendsStayApart() {
        noClasses()
                .that()
                .resideInAPackage("org.anisocr.solver")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.anisocr.solver.cpu..", "org.anisocr.solver.gpu..", "org.anisocr.solver.steady..")
                .because("the solver core (SplitStepper, Backend, stability) is what the backends implement, not a"
                        + " switch over them")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.anisocr.solver.cpu..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.anisocr.solver.gpu..", "org.anisocr.solver.steady..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.anisocr.solver.gpu..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.anisocr.solver.cpu..", "org.anisocr.solver.steady..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.anisocr.solver.steady..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.anisocr.solver.cpu..", "org.anisocr.solver.gpu..")
                .check(classes);
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
        noClasses().that().resideInAnyPackage("org.anisocr.grid..", "org.anisocr.gas..", "org.anisocr.sky..",
                        "org.anisocr.field..", "org.anisocr.operator..",
                        "org.anisocr.source..", "org.anisocr.solver..", "org.anisocr.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .orShould().dependOnClassesThat().haveSimpleName("TableReader")
                .because("physics classes never parse files")
                .check(classes);
    }
}
