package org.tfeval.cli;

/** How a command reports. */
public enum OutputFormat {
    TEXT, JSON;

    /** Case-insensitive parse for picocli. */
    public static OutputFormat valueOfIgnoreCase(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
