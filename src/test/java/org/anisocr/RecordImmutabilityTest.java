package org.anisocr;

import org.anisocr.config.OutputSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records are values: a record with an array, List or Map component copies it when built (and an array accessor
 * returns a copy), so neither the caller that built it nor one that reads it can change it afterwards. The only
 * exceptions are the records of {@link #SHARED}, whose arrays are too large (densities, maps, hierarchies) or
 * device handles, and whose javadoc says who owns them and that nobody writes them after construction.
 *
 * <p>Checked on every compiled record of org.anisocr by building it with probe values, then writing into the
 * arrays and collections it was given and into what its accessors return, and reading the component again.
 */
class RecordImmutabilityTest {
    /** Records that share their arrays on purpose (the reason is in each one's javadoc), by binary name. */
    static final Map<String, String> SHARED = shared(
            "analysis.FieldMaps$Poloidal", "grid-sized field components, private to one map computation",
            "analysis.gamma.GammaProducts$Result", "emissivity maps (photon energies × grid nodes)",
            "analysis.sky.SkyMaps$Car", "plate carrée sky maps (energies × pixels), written once",
            "analysis.sky.SkyMaps$Result", "HEALPix sky maps (energies × pixels), written once",
            "analysis.sky.SkyProducts$Profile", "a longitude profile per energy, written once to CSV and PNG",
            "analysis.sky.SkyProducts$RegionSpectrum", "a region's mean spectrum, read once for its index",
            "analysis.sky.SkyRenderer$Maps", "sky maps (energies × pixels) handed from the renderer to its caller",
            "io.SkyFits$Column", "one sky map column (a value per pixel), written to FITS as given",
            "bench.Benchmark$TridiagonalSystems", "a benchmark's batch of line systems (m × batch per array)",
            "io.Dragon2Fits$Species", "one species' density image (energies × grid nodes), written to FITS as given",
            "io.FitsCubeReader$Cube", "the density of every momentum bin, read from a run's N.fits",
            "io.FitsCubeReader$Cube3D", "the density of every momentum bin, read from a 3D run's N.fits",
            "io.MapFits$Plane", "one grid-sized map plane, written to FITS as given",
            "io.MapImage$Arrows", "grid-sized vector components of a map image",
            "run.Run3DResult", "the 3D density of every momentum bin",
            "run.RunResult", "the density of every momentum bin",
            "run.Solution$BatchedSteady", "the density of every momentum bin",
            "run.Solution$CpuSteady", "the density of every momentum bin",
            "run.Solution$GpuSteady", "the density of every momentum bin",
            "run.Solution$Ladder", "the density of every momentum bin",
            "run.Solution$Transient", "the density of every momentum bin",
            "solver.PackedMultigrid$Coarsest", "the coarsest level's band factors, uploaded to a device",
            "solver.PackedMultigrid$Level", "a level's stencil and line factors, uploaded to a device",
            "solver.gpu.BatchEntries", "per-entry tables of one device batch, read in its setup loops",
            "solver.gpu.GpuMultigridSetup$DeviceArrays", "the device buffers of one setup, private to it until adopted",
            "solver.gpu.GpuMultigridSetup$Hierarchy", "device buffers, owned and freed by the hierarchy",
            "solver.gpu.GpuMultigridSetup$Inputs", "per-entry tables of one device batch, read in its setup loops",
            "solver.gpu.GpuSteadySolver$Result", "the densities and residuals of every model and bin",
            "solver.steady.BatchedMgGmres$Outcome", "per-system results read by index in the caller's loops",
            "solver.steady.BatchedSteadySolver$Result", "the densities and residuals of every model and bin",
            "solver.steady.SteadySolver$Result", "the density of every momentum bin",
            "solver.steady3d.Steady3DResult", "one momentum bin's 3D density, handed on by the solver");

    private static Map<String, String> shared(String... pairs) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put("org.anisocr." + pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void recordsCopyTheirArraysAndCollections() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<String> mutableRecords = new ArrayList<>();
        for (Class<?> c : mainRecords()) {
            if (!holdsMutableComponents(c)) {
                continue;
            }
            mutableRecords.add(c.getName());
            if (SHARED.containsKey(c.getName())) {
                continue;
            }
            leaks.addAll(leaksOf(c));
        }
        assertTrue(leaks.isEmpty(), "records that share mutable state (copy it in the compact constructor, "
                + "return array copies, or document the sharing and add the record to SHARED):\n"
                + String.join("\n", leaks));
        List<String> stale = new ArrayList<>(SHARED.keySet());
        stale.removeAll(mutableRecords);
        assertTrue(stale.isEmpty(), "SHARED names records that no longer exist or hold no array/collection: " + stale);
        assertTrue(mutableRecords.size() > SHARED.size(), "the scan found the records it checks: " + mutableRecords);
    }

    /** What leaks in record c: one line per component that a caller can change after construction. */
    private static List<String> leaksOf(Class<?> c) throws ReflectiveOperationException {
        RecordComponent[] rc = c.getRecordComponents();
        Class<?>[] types = Stream.of(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> ctor = c.getDeclaredConstructor(types);
        ctor.setAccessible(true);
        Object[] args = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            args[i] = probe(types[i], i);
        }
        Object record;
        try {
            record = ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            return List.of(c.getName() + ": cannot be built from probe values (" + e.getCause()
                    + "); give it a probe here");
        }
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < rc.length; i++) {
            if (!isMutable(types[i])) {
                continue;
            }
            var accessor = rc[i].getAccessor();
            accessor.setAccessible(true);
            String name = c.getName() + "." + rc[i].getName();
            scribble(args[i]);
            if (changed(accessor.invoke(record))) {
                leaks.add(name + ": keeps the caller's " + types[i].getSimpleName());
                continue;
            }
            try {
                scribble(accessor.invoke(record));
            } catch (UnsupportedOperationException expected) {
                continue;
            }
            if (changed(accessor.invoke(record))) {
                leaks.add(name + ": its accessor hands out the record's own " + types[i].getSimpleName());
            }
        }
        return leaks;
    }

    private static boolean isMutable(Class<?> t) {
        return t.isArray() || Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t);
    }

    private static boolean holdsMutableComponents(Class<?> c) {
        return Stream.of(c.getRecordComponents()).anyMatch(r -> isMutable(r.getType()));
    }

    /**
     * A value the constructor accepts: arrays of one default element, empty mutable collections, "x", the first
     * constant, and for a number its component's position + 1 (so that a later bound exceeds an earlier one).
     */
    private static Object probe(Class<?> t, int position) {
        if (t.isArray()) {
            Object a = Array.newInstance(t.getComponentType(), 1);
            if (t.getComponentType().isArray()) {
                Array.set(a, 0, Array.newInstance(t.getComponentType().getComponentType(), 1));
            }
            return a;
        }
        if (Map.class.isAssignableFrom(t)) {
            return new LinkedHashMap<>();
        }
        if (Set.class.isAssignableFrom(t)) {
            return new LinkedHashSet<>();
        }
        if (Collection.class.isAssignableFrom(t)) {
            return new ArrayList<>();
        }
        if (t == double.class) {
            return position + 1.0;
        }
        if (t == int.class) {
            return position + 1;
        }
        if (t == long.class) {
            return position + 1L;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == String.class) {
            return "x";
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t == Path.class) {
            return Path.of("x");
        }
        return null;
    }

    /** Writes into a probe: the first array element becomes non-default, a collection gains an element. */
    @SuppressWarnings("unchecked")
    private static void scribble(Object v) {
        if (v == null) {
            return;
        }
        if (v.getClass().isArray()) {
            Class<?> e = v.getClass().getComponentType();
            if (Array.getLength(v) == 0) {
                return;
            }
            if (e == double.class) {
                Array.setDouble(v, 0, 42);
            } else if (e == int.class) {
                Array.setInt(v, 0, 42);
            } else if (e == boolean.class) {
                Array.setBoolean(v, 0, true);
            } else if (e == long.class) {
                Array.setLong(v, 0, 42);
            } else {
                Array.set(v, 0, null);
            }
        } else if (v instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).put("scribbled", "scribbled");
        } else if (v instanceof Collection<?> c) {
            ((Collection<Object>) c).add(null);
        }
    }

    /** Whether a component read back from a record shows a {@link #scribble}. */
    private static boolean changed(Object v) {
        if (v == null) {
            return false;
        }
        if (v.getClass().isArray()) {
            if (Array.getLength(v) == 0) {
                return false;
            }
            Object first = Array.get(v, 0);
            return first == null || first.equals(42.0) || first.equals(42) || first.equals(true) || first.equals(42L);
        }
        if (v instanceof Map<?, ?> m) {
            return m.containsKey("scribbled");
        }
        return !((Collection<?>) v).isEmpty();
    }

    private static List<Class<?>> mainRecords() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(OutputSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, RecordImmutabilityTest.class.getClassLoader());
                if (c.isRecord()) {
                    out.add(c);
                }
            }
        }
        assertEquals(root.getFileName().toString(), "classes", "scans the main classes, not the tests");
        return out;
    }
}
