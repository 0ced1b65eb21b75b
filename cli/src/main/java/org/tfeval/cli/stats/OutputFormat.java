package org.tfeval.cli.stats;

/** How a statistics command prints its result. */
public enum OutputFormat {
    /** Aligned text for people. */
    TABLE,
    /** A JSON document for programs. */
    JSON;

    /** Parses {@code table} or {@code json}, case-insensitively. */
    public static OutputFormat parse(String text) {
        for (OutputFormat f : values()) {
            if (f.name().equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown --format '" + text + "'; use table or json");
    }
}
