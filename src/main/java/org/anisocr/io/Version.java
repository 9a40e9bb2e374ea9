package org.anisocr.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Code version recorded in every output (from the Maven build). */
public final class Version {
    private Version() {}

    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/org/anisocr/version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return "anisocr " + p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "anisocr unknown";
        }
    }
}
