package org.anisocr;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GPU machine runs every test tagged {@link Gpu}: DeviceTestRunner's default list misses none. */
class DeviceTestRunnerTest {
    @Test void theDefaultTargetsHoldEveryGpuTest() {
        // read from the class files (no test class is loaded or discovered, so this stays fast)
        Set<String> tagged = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.anisocr")) {
            if (c.isAnnotatedWith(Gpu.class) || c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Gpu.class))) {
                tagged.add(c.getName());
            }
        }
        assertTrue(tagged.size() >= 5, "the GPU test classes are tagged: " + tagged);
        Set<String> missed = new TreeSet<>();
        for (String c : tagged) {
            if (!selected(c)) {
                missed.add(c);
            }
        }
        assertEquals(Set.of(), missed, "GPU tests that DeviceTestRunner.DEFAULT_TARGETS does not select");
    }

    private static boolean selected(String className) {
        for (String target : DeviceTestRunner.DEFAULT_TARGETS) {
            if (className.equals(target) || className.startsWith(target + ".")) {
                return true;
            }
        }
        return false;
    }
}
