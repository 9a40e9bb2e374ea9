package org.anisocr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anisocr.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateCommandTest {

    @Slow
    @Test void writesJsonPerTestAndExitsZero(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("sub/v.json");
        var cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int rc = cl.execute("validate", "--quick", "--only", "P1,G1-cyl,zero-source", "--json", json.toString());
        System.out.println(out);
        assertEquals(0, rc, out.toString());
        JsonNode root = new ObjectMapper().readTree(Files.readString(json));
        JsonNode p1 = root.get("P1");
        assertTrue(p1.get("passed").asBoolean());
        JsonNode g121 = p1.get("grids").get(2);
        assertEquals(121, g121.get("n").asInt());
        assertTrue(g121.get("error_l2_rel").asDouble() < 1e-3);
        assertTrue(g121.get("order").asDouble() > 1.9);
        assertTrue(g121.has("error_max_rel"));
        JsonNode g = root.get("G1-cyl").get("grids").get(1);
        assertEquals(3, g.get("times").size());
        assertTrue(g.get("times").get(0).has("error_l2_rel"));
        assertEquals(3, g.get("order").size());
        assertTrue(root.get("zero-source").get("passed").asBoolean());
        assertTrue(root.get("meta").get("passed").asBoolean());
        try (var files = Files.list(json.getParent())) { assertEquals(1, files.count(), "no temp file left"); }
    }

    @Test void threeDimensionalFieldAndMirrorRowsRunFromTheCli(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("v3d.json");
        var cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("validate", "--only", "jf12-field,mirror-3d", "--json", json.toString()),
                out.toString());
        JsonNode root = new ObjectMapper().readTree(Files.readString(json));
        assertTrue(root.get("jf12-field").get("passed").asBoolean());
        assertEquals(35, root.get("jf12-field").get("crpropa_points").asInt());
        assertEquals(5, root.get("mirror-3d").get("results").size());
    }

    @Test void unknownTestNameIsBadInput() {
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(Main.EXIT_BAD_INPUT, cl.execute("validate", "--only", "P9"));
    }
}
