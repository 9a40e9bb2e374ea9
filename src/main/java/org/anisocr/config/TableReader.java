package org.anisocr.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.*;
import java.util.function.Function;

/**
 * Strict reader over one TOML table: every key must be consumed (unknown keys are errors),
 * types are checked, ranges are checked, and every message names the full dotted key.
 */
public final class TableReader {
    private final String path;
    private final JsonNode node;
    private final Set<String> consumed = new HashSet<>();

    public TableReader(String path, JsonNode node) {
        this.path = path;
        if (node != null && !node.isObject()) {
            throw new ConfigException((path.isEmpty() ? "(top level)" : path) + " must be a table, got " + node);
        }
        this.node = node;
    }

    public String key(String name) { return path.isEmpty() ? name : path + "." + name; }

    public boolean has(String name) { return node != null && node.has(name); }

    private JsonNode take(String name) {
        consumed.add(name);
        return node == null ? null : node.get(name);
    }

    public TableReader table(String name, boolean required) {
        JsonNode n = take(name);
        if (n == null && required) {
            List<String> present = new ArrayList<>();
            if (node != null) {
                node.fieldNames().forEachRemaining(present::add);
            }
            present.removeAll(consumed);
            String near = nearest(name, present);
            throw new ConfigException("missing table [" + key(name) + "]"
                    + (near != null
                            ? "; the file has an unknown table [" + key(near) + "]: did you mean [" + key(name) + "]?"
                            : ""));
        }
        return new TableReader(key(name), n);
    }

    public double requireDouble(String name, double min, double max) {
        JsonNode n = take(name);
        if (n == null) {
            throw new ConfigException("missing key " + key(name) + " (expected a number in " + range(min, max) + ")");
        }
        return checkDouble(name, n, min, max);
    }

    public double optDouble(String name, double dflt, double min, double max) {
        JsonNode n = take(name);
        return n == null ? dflt : checkDouble(name, n, min, max);
    }

    private double checkDouble(String name, JsonNode n, double min, double max) {
        double v;
        if (n.isNumber()) {
            v = n.doubleValue();
        } else if (n.isTextual() && n.textValue().trim().equalsIgnoreCase("nan")) {
            v = Double.NaN;
        } else {
            throw new ConfigException(
                    key(name) + " = " + n + " has the wrong type: expected a number in " + range(min, max));
        }
        if (!Double.isFinite(v) || v < min || v > max) {
            throw ConfigException.outOfRange(
                    key(name), n.isNumber() ? fmt(v) : n.toString(), "a finite number in " + range(min, max));
        }
        return v;
    }

    public int requireInt(String name, int min, int max) {
        JsonNode n = take(name);
        if (n == null) {
            throw new ConfigException(
                    "missing key " + key(name) + " (expected an integer in [" + min + ", " + max + "])");
        }
        return checkInt(name, n, min, max);
    }

    public int optInt(String name, int dflt, int min, int max) {
        JsonNode n = take(name);
        return n == null ? dflt : checkInt(name, n, min, max);
    }

    private int checkInt(String name, JsonNode n, int min, int max) {
        if (!n.isIntegralNumber()) {
            throw new ConfigException(
                    key(name) + " = " + n + " has the wrong type: expected an integer in [" + min + ", " + max + "]");
        }
        long v = n.longValue();
        if (v < min || v > max) {
            throw ConfigException.outOfRange(key(name), v, "an integer in [" + min + ", " + max + "]");
        }
        return (int) v;
    }

    public boolean optBoolean(String name, boolean dflt) {
        JsonNode n = take(name);
        if (n == null) {
            return dflt;
        }
        if (!n.isBoolean()) {
            throw new ConfigException(key(name) + " = " + n + " has the wrong type: expected true or false");
        }
        return n.booleanValue();
    }

    public String optString(String name, String dflt, Collection<String> allowed) {
        JsonNode n = take(name);
        if (n == null) {
            if (dflt == null) {
                throw new ConfigException("missing key " + key(name) + " (expected one of " + allowed + ")");
            }
            return dflt;
        }
        if (!n.isTextual()) {
            throw new ConfigException(
                    key(name) + " = " + n + " has the wrong type: expected a string, one of " + allowed);
        }
        if (allowed != null && !allowed.contains(n.textValue())) {
            throw ConfigException.outOfRange(key(name), "\"" + n.textValue() + "\"", "one of " + allowed);
        }
        return n.textValue();
    }

    /**
     * One of a fixed set of choices, spelled in the file as {@code key} gives them (an enum's model-file spelling);
     * the error lists the allowed spellings.
     */
    public <E extends Enum<E>> E optEnum(String name, E dflt, E[] values, Function<E, String> key) {
        List<String> allowed = new ArrayList<>();
        for (E e : values) {
            allowed.add(key.apply(e));
        }
        String given = optString(name, dflt == null ? null : key.apply(dflt), allowed);
        return values[allowed.indexOf(given)];
    }

    public double[] optDoubleArray(String name, double[] dflt, double min, double max) {
        JsonNode n = take(name);
        if (n == null) {
            return dflt;
        }
        if (!n.isArray()) {
            throw new ConfigException(key(name) + " = " + n + " has the wrong type: expected an array of numbers");
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = checkDouble(name + "[" + i + "]", n.get(i), min, max);
        }
        return out;
    }

    /** Call after reading: any key present but never asked for is an error. */
    public void rejectUnknown() {
        if (node == null) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (!consumed.contains(f)) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            List<String> known = new ArrayList<>(consumed);
            Collections.sort(known);
            String name = unknown.get(0);
            String nearest = nearest(name, known);
            if (node.get(name).isObject()) { // a [table] the model file does not have
                throw new ConfigException("unknown table [" + key(name) + "]"
                        + (nearest != null ? ": did you mean [" + key(nearest) + "]?" : "") + " (known: " + known
                        + ")");
            }
            throw new ConfigException("unknown key " + key(name)
                    + (nearest != null ? ": did you mean " + key(nearest) + "?" : "") + " (known keys in "
                    + (path.isEmpty() ? "the top level" : "[" + path + "]") + ": " + known + ")");
        }
    }

    /** The known name closest to a misspelt one (edit distance ≤ 1/3 of its length, at least 2), or null. */
    static String nearest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Math.max(2, name.length() / 3) + 1;
        for (String k : known) {
            int d = editDistance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) { bestDistance = d; best = k; }
        }
        return best;
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit ("diffusoin" → "diffusion": 1). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static String range(double min, double max) {
        return "[" + fmt(min) + ", " + fmt(max) + "]";
    }

    static String fmt(double v) {
        if (v == Double.MAX_VALUE || v == Double.POSITIVE_INFINITY) {
            return "∞";
        }
        if (v == -Double.MAX_VALUE || v == Double.NEGATIVE_INFINITY) {
            return "-∞";
        }
        return Double.toString(v).replaceAll("\\.0$", "");
    }
}
