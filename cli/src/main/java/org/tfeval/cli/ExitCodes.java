package org.tfeval.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Exit codes of every command. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** Problems in the data (validation or import errors), or the workflow refused (open queries, a disclosure target not met). */
    public static final int DATA_ERRORS = 1;
    /** Bad usage or unusable input. */
    public static final int USAGE = 2;
    /** An internal failure. */
    public static final int INTERNAL = 3;

    /** The list every command's --help shows unless it names its own. */
    static final Map<String, String> STANDARD = map(
            "0",
            "done",
            "1",
            "problems in the data, or refused (the message says why)",
            "2",
            "bad usage or unusable input (no study, bad option, unreadable file)",
            "3",
            "internal failure");

    private ExitCodes() {}

    private static Map<String, String> map(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }
}
