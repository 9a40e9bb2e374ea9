package org.anisocr.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A JSON file of maps, lists, numbers and strings, indented, for the packages that may not import Jackson. */
public final class JsonFiles {
    private JsonFiles() {}

    public static void write(Path file, Map<String, Object> content) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), content);
    }
}
