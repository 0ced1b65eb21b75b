package org.tfeval.web;

import io.javalin.http.Context;
import java.util.Map;

/** One-line notices after a redirect, chosen by a fixed key (never text from the request). */
public final class Notices {
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("complete", "The case file passed validation and is marked complete."),
            Map.entry("password", "Your password was changed; other sessions were signed out."),
            Map.entry("reloaded", "Pass 1 was reloaded from the study data."),
            Map.entry("reconciled", "The passes are reconciled and the result is in the study data."),
            Map.entry("assigned", "Second coding assigned."),
            Map.entry("added", "Record added."),
            Map.entry("removed", "Record removed."),
            Map.entry("drawn", "The sample was drawn and recorded."),
            Map.entry("query", "Query saved."),
            Map.entry("account", "Account saved."),
            Map.entry("saved", "Saved."));

    private Notices() {}

    /** The notice named by the {@code notice} query parameter, or null. */
    public static String of(Context ctx) {
        String key = ctx.queryParam("notice");
        return key == null ? null : TEXT.get(key);
    }
}
