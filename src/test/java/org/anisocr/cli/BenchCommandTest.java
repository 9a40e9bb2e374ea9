package org.anisocr.cli;

import org.anisocr.bench.Benchmark;
import org.anisocr.bench.MultigridSteadyBench;
import org.anisocr.bench.SteadyMethodsBench;
import org.anisocr.solver.Backend;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One bench command: each old spelling parses to the same options as its new subcommand, and says the new name. */
class BenchCommandTest {

    /** The command picocli would run for {@code args} (the last of the parsed chain). */
    private static Object leaf(String... args) {
        ParseResult parsed = Main.commandLine().parseArgs(args);
        List<CommandLine> chain = parsed.asCommandLineList();
        return chain.get(chain.size() - 1).getCommand();
    }

    private static final String[] SPLIT_ARGS = {"--grid", "21x11", "--momenta", "2", "--models", "3",
        "--backend", "cpu", "--cpu-reps", "4", "--cpu-steps", "5", "--gpu-reps", "6", "--out", "b.json",
        "--cusparse-json", "c.json"};

    private static String[] with(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void plainBenchIsBenchSplit() {
        Object old = leaf(with(new String[] {"bench"}, SPLIT_ARGS));
        Object now = leaf(with(new String[] {"bench", "split"}, SPLIT_ARGS));
        assertInstanceOf(BenchCommand.class, old);
        assertInstanceOf(BenchSplitCommand.class, now);
        Benchmark.Options o = ((BenchCommand) old).split.options();
        Benchmark.Options expected = new Benchmark.Options(21, 11, 2, 3, Backend.CPU, 0, 10, 4, 5, 6, Path.of("b.json"),
                Path.of("c.json"));
        assertEquals(expected, o);
        assertEquals(o, ((BenchSplitCommand) now).split.options());
        // the comparison can fail: another grid is another benchmark
        assertNotEquals(o, ((BenchSplitCommand) leaf("bench", "split", "--grid", "21x13")).split.options());
    }

    @Test
    void steadyBenchIsBenchMethods() {
        String[] args = {"a.toml", "b.toml", "--eps", "0.1,0.01", "--methods", "direct,ladder,mg-gmres",
            "--scheme", "symmetric", "--threads", "1", "--tolerance", "1e-8", "--ladder-max-steps", "7",
            "--max-iterations", "8", "--repeats", "1", "--out", "m.json"};
        Object old = leaf(with(new String[] {"steady-bench"}, args));
        Object now = leaf(with(new String[] {"bench", "methods"}, args));
        assertInstanceOf(SteadyBenchCommand.class, old);
        assertInstanceOf(BenchMethodsCommand.class, now);
        SteadyMethodsBench.Options o = ((BenchMethodsCommand) now).options();
        assertEquals(o, ((BenchMethodsCommand) old).options());
        assertEquals(List.of("direct", "ladder", "mg-gmres"),
                o.methods().stream().map(SteadyMethodsBench.MethodUnderTest::key).toList());
        assertEquals(List.of(0.1, 0.01), o.epsD());
        assertEquals("symmetric", o.scheme().key());
        assertEquals(7, o.ladderMaxSteps());
        String[] twoRepeats = args.clone();
        twoRepeats[List.of(args).indexOf("--repeats") + 1] = "2";
        assertNotEquals(o, ((BenchMethodsCommand) leaf(with(new String[] {"bench", "methods"}, twoRepeats))).options());
    }

    @Test
    void benchSteadyKeepsItsName() {
        Object now = leaf("bench", "steady", "--family", "4", "--highres", "401x161,none", "--rehearse", "--reps", "1");
        assertInstanceOf(BenchSteadyCommand.class, now);
        MultigridSteadyBench.Options o = ((BenchSteadyCommand) now).options();
        assertEquals(List.of(new MultigridSteadyBench.GridSize(401, 161)), o.highresGrids());
        assertEquals(4, o.familyModels());
        assertTrue(o.rehearse());
    }

    @Test
    void oldSpellingsSayTheNewNameOnStderrAndNewOnesDoNot() {
        CliHarness.Result plain = CliHarness.inProcess("bench", "--grid", "201by81");
        assertEquals(2, plain.code(), plain.all());
        assertEquals("note: 'anisocr bench' is deprecated and will be removed; use 'anisocr bench split'",
                plain.err().lines().findFirst().orElse(""));
        CliHarness.Result steady = CliHarness.inProcess("steady-bench", "model.toml", "--methods", "newton");
        assertEquals(2, steady.code(), steady.all());
        assertEquals("note: 'anisocr steady-bench' is deprecated and will be removed; use 'anisocr bench methods'",
                steady.err().lines().findFirst().orElse(""));
        assertTrue(steady.err().contains("--methods = newton is not allowed"), steady.err());
        for (String[] args : List.of(new String[] {"bench", "split", "--grid", "201by81"},
                new String[] {"bench", "split", "--mg-sweeps", "2"},
                new String[] {"bench", "steady", "--line-relaxation", "pcr"},
                new String[] {"bench", "methods", "model.toml", "--methods", "newton"})) {
            CliHarness.Result r = CliHarness.inProcess(args);
            assertEquals(2, r.code(), r.all());
            assertFalse(r.err().contains("deprecated"), r.err());
        }
    }
}
