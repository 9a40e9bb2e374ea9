package org.anisocr.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The launcher's check of a freshly built (or unverified) {@code anisocr.jar}: {@code java -cp JAR
 * org.anisocr.cli.JarCheck} exits 0 only when every entry of the jar reads back with its CRC and every class of
 * the project parses. A zip CRC alone does not catch the damage a race between two builds leaves: a class file
 * truncated on disk before it was zipped has a valid CRC of its truncated bytes, but does not load.
 */
public final class JarCheck {
    private JarCheck() {}

    public static void main(String[] args) {
        try {
            int n = check();
            System.out.println("ok: " + n + " classes");
            System.exit(0);
        } catch (IOException | URISyntaxException | LinkageError | ClassNotFoundException | RuntimeException e) {
            System.err.println(e);
            System.exit(1);
        }
    }

    /** Number of project classes checked; throws on the first damaged entry. */
    static int check() throws IOException, URISyntaxException, ClassNotFoundException {
        Path jar = Path.of(JarCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is not a jar (run from classes?)");
        }
        List<String> classes = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(jar));
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                byte[] bytes = zip.readAllBytes(); // ZipInputStream compares size and CRC at the entry's end
                String name = e.getName();
                if (!name.startsWith("org/anisocr/") || !name.endsWith(".class")) {
                    continue;
                }
                if (bytes.length < 10 || (bytes[0] & 0xff) != 0xCA || (bytes[1] & 0xff) != 0xFE
                        || (bytes[2] & 0xff) != 0xBA || (bytes[3] & 0xff) != 0xBE) {
                    throw new IOException(name + " is not a class file (" + bytes.length + " bytes)");
                }
                classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
            }
        }
        if (!classes.contains(Main.class.getName())) {
            throw new IOException("no " + Main.class.getName() + " in " + jar);
        }
        ClassLoader loader = JarCheck.class.getClassLoader();
        // Loading parses each class file (truncated → ClassFormatError, misplaced → NoClassDefFoundError) without
        // running static initialisers, so nothing native (JCuda) is touched.
        for (String c : classes) {
            Class.forName(c, false, loader);
        }
        return classes.size();
    }
}
