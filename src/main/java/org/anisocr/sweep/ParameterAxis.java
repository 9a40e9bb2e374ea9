package org.anisocr.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.anisocr.config.ConfigException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code --vary KEY=VALUES} axis of a model family. VALUES is a comma list ({@code 0.1,0.03,0.01}) or an
 * inclusive linear range {@code start:stop:count} ({@code 0.5:0.7:5} → 0.5, 0.55, 0.6, 0.65, 0.7). KEY is a config
 * key as written in the TOML files ({@code eps_D}, {@code delta_perp}, …) or a dotted path ({@code field.eps_B}).
 * Integers stay integers (grid counts), other numbers are doubles, anything else is a string (e.g. a field model).
 */
public record ParameterAxis(String key, List<JsonNode> values) {

    /** The values are scalar nodes (numbers, strings) that nothing edits; the list itself is copied. */
    public ParameterAxis {
        values = List.copyOf(values);
    }

    public static ParameterAxis parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new ConfigException("--vary " + spec + ": expected KEY=v1,v2,… or KEY=start:stop:count");
        }
        String key = spec.substring(0, eq).trim();
        String vals = spec.substring(eq + 1).trim();
        List<JsonNode> out = new ArrayList<>();
        if (vals.contains(":")) {
            String[] parts = vals.split(":");
            if (parts.length != 3) {
                throw new ConfigException("--vary " + spec + ": a range is start:stop:count");
            }
            double a;
            double b;
            int n;
            try {
                a = Double.parseDouble(parts[0]);
                b = Double.parseDouble(parts[1]);
                n = Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                throw new ConfigException("--vary " + spec + ": start and stop must be numbers and count an integer");
            }
            if (n < 1 || n > 100_000) {
                throw ConfigException.outOfRange("--vary " + key + " count", n, "an integer in [1, 100000]");
            }
            if (n == 1 && a != b) {
                throw new ConfigException("--vary " + spec + ": a 1-point range needs start = stop");
            }
            for (int i = 0; i < n; i++) {
                double v = n == 1 ? a : a + (b - a) * i / (n - 1);
                // 12 significant digits: 0.5 + 0.05·3 prints as 0.65, not 0.6500000000000001
                out.add(DoubleNode.valueOf(new BigDecimal(v).round(new MathContext(12)).doubleValue()));
            }
        } else {
            for (String v : vals.split(",")) {
                v = v.trim();
                if (v.isEmpty()) {
                    throw new ConfigException("--vary " + spec + ": empty value in the list");
                }
                out.add(node(v));
            }
        }
        return new ParameterAxis(key, List.copyOf(out));
    }

    static JsonNode node(String v) {
        if (v.matches("[-+]?\\d+")) {
            try {
                return IntNode.valueOf(Integer.parseInt(v));
            } catch (NumberFormatException ignored) {
                // too large for int: fall through to double
            }
        }
        try {
            return DoubleNode.valueOf(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return TextNode.valueOf(v.replaceAll("^\"|\"$", ""));
        }
    }

    /** Text of a value for the index and summary.json (12 significant digits). */
    static String text(JsonNode v) { return text(v, 12); }

    /** Short text for folder names (6 significant digits: 0.633333, not 0.633333333333). */
    static String label(JsonNode v) { return text(v, 6); }

    private static String text(JsonNode v, int digits) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isIntegralNumber()) {
            return Long.toString(v.longValue());
        }
        return new BigDecimal(v.doubleValue()).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
