package org.anisocr.cli;

import org.anisocr.Slow;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Mutated model files (dropped or renamed keys and tables, wrong types, extreme and non-finite numbers, huge grids,
 * garbage lines) through {@code run --check}: the answer is always exit 0 or exit 2 with one "error:" line, never a
 * stack trace, and never an allocation beyond the heap (the memory estimate refuses what would not fit).
 */
class MutatedConfigPropertyTest {

    static final List<String> BASES;
    static {
        List<String> b = new ArrayList<>(List.of(CliHarness.TINY));
        try (var s = Files.list(Path.of("configs"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".toml")).sorted().toList()) {
                b.add(Files.readString(p));
            }
            // one 3D model: its [grid], [field] and [source] keys are read by other code
            b.add(Files.readString(Path.of("configs/3d/realistic-jf12-eps0.01-dperp0.7.toml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BASES = List.copyOf(b);
    }

    static final List<String> VALUES = List.of(
            "0",
            "-1",
            "1",
            "3",
            "1e308",
            "-1e308",
            "1e-308",
            "nan",
            "inf",
            "-inf",
            "+inf",
            "2147483648",
            "-2147483649",
            "9223372036854775808",
            "100001",
            "100000",
            "1e6",
            "0.0",
            "-0.0",
            "\"text\"",
            "\"\"",
            "[1, 2]",
            "[]",
            "true",
            "{ a = 1 }",
            "1979-05-27",
            "\"paper\"",
            "\"steady\"",
            "\"direct\"",
            "\"ladder\"",
            "\"transient\"",
            "[\"a\"]",
            "0x10",
            "1_000",
            "\"nan\"",
            "[nan]",
            "[1e308]",
            "[-1]");

    record Mutation(int base, int line, int kind, int value, String garbage) {}

    @Provide Arbitrary<Mutation> mutations() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, BASES.size() - 1),
                        Arbitraries.integers().between(0, 200),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, VALUES.size() - 1),
                        Arbitraries.strings().ofMaxLength(12))
                .as(Mutation::new);
    }

    static String apply(Mutation m) {
        List<String> lines = new ArrayList<>(List.of(BASES.get(m.base()).split("\n", -1)));
        int at = m.line() % lines.size();
        String line = lines.get(at);
        int eq = line.indexOf('=');
        String key = eq > 0 ? line.substring(0, eq).strip() : "";
        switch (m.kind()) {
            case 0 -> lines.remove(at);                                                   // drop a key or table header
            case 1 -> {
                if (eq > 0) {
                    lines.set(at, key + "x = " + line.substring(eq + 1));
                }
            } // rename a key
            case 2, 3 -> {
                if (eq > 0) {
                    lines.set(at, key + " = " + VALUES.get(m.value()));
                }
            } // wrong type or extreme value
            case 4 -> lines.add(at, line);                                                // duplicate a line
            case 5 -> lines.add(at, m.garbage());                                         // a garbage line
            case 6 -> { // a huge grid
                lines.replaceAll(l -> l.strip().startsWith("n_r") || l.strip().startsWith("dr_kpc")
                        ? "n_r = 100001"
                        : l.strip().startsWith("n_z") || l.strip().startsWith("dz_kpc")
                                ? "n_z = " + (3 + m.value() * 2000)
                                : l);
            }
            default -> {
                if (line.startsWith("[")) {
                    lines.set(at, "[" + line.substring(1, line.length() - 1) + "s]");
                }
            } // a renamed table
        }
        return String.join("\n", lines);
    }

    // jqwik reads its own @Tag, not JUnit's (which @Slow carries): the same tag name, so -DexcludedGroups=slow works
    @Tag(Slow.TAG)
    @Property(tries = 400, seed = "20261126", edgeCases = EdgeCasesMode.NONE)
    void mutatedConfigsExitCleanly(@ForAll("mutations") Mutation m) throws IOException {
        Path dir = Files.createTempDirectory("anisocr-prop-");
        try {
            Path cfg = dir.resolve("m.toml");
            Files.writeString(cfg, apply(m));
            CliHarness.Result r = CliHarness.inProcess(
                    "run", cfg.toString(), "--out", dir.resolve("out").toString(), "--check", "--backend", "cpu");
            assertTrue(r.code() == 0 || r.code() == 2, "exit " + r.code() + " for\n" + apply(m) + "\n" + r.all());
            assertFalse(r.all().contains("\tat ") || r.all().contains("Exception") || r.all().contains("Error:"),
                    "no stack trace or exception name:\n" + r.all() + "\nconfig:\n" + apply(m));
            if (r.code() == 2) {
                List<String> errors = r.err().lines().filter(l -> l.startsWith("error:")).toList();
                assertEquals(1, errors.size(), r.err());
                assertTrue(
                        r.err().lines().count() <= 2,
                        "a one-line message (plus usage for argument errors): " + r.err());
            } else {
                assertTrue(r.out().contains("nothing was run"), r.out());
            }
            assertFalse(Files.exists(dir.resolve("out")), "--check writes nothing");
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
