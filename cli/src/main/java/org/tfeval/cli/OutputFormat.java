package org.tfeval.cli;

import java.util.Locale;
import org.tfeval.instrument.workflow.Problem;

/** How a command reports: text for people (the statistics commands call it a table), or JSON for programs. */
public enum OutputFormat {
    TEXT,
    JSON;

    /** Parses {@code text} (or its synonym {@code table}) or {@code json}, case-insensitively. */
    public static OutputFormat parse(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "text":
            case "table":
                return TEXT;
            case "json":
                return JSON;
            default:
                throw Problem.usage("unknown --format '" + s + "'", "use text (or table) or json");
        }
    }
}
