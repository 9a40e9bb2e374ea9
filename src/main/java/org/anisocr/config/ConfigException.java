package org.anisocr.config;

/** Bad input: names the key, the offending value and what is allowed. Maps to exit code 2. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) { super(message); }

    public static ConfigException outOfRange(String key, Object value, String allowed) {
        return new ConfigException(key + " = " + value + " is not allowed: expected " + allowed);
    }
}
