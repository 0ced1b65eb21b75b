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
            Map.entry("deid-added", "The words were added wherever they occur and are not yet replaced."),
            Map.entry("deid-accepted", "Every undecided suggestion of the roster entry was accepted."),
            Map.entry("deid-rendered", "Rendered: a second privacy officer reviews it now."),
            Map.entry("deid-reviewed", "Marked reviewed."),
            Map.entry("deid-released", "Released for coding."),
            Map.entry("access-applied", "The application is recorded."),
            Map.entry("access-decided", "The decision is recorded."),
            Map.entry("access-issued", "The restricted package was issued and entered in the transfer log."),
            Map.entry("access-renewed", "The access was renewed."),
            Map.entry("access-report", "The annual report is recorded."),
            Map.entry("access-closed", "The destruction certificate is recorded; the access is closed."),
            Map.entry("resolved", "Conflict resolved; the other value is kept in its history."),
            Map.entry("revoked", "Device revoked: its package is refused at check-in."),
            Map.entry("saved", "Saved."),
            Map.entry("notice-acknowledged", "The acknowledgement is recorded."),
            Map.entry("survivor-granted", "Survivor access granted."),
            Map.entry("survivor-revoked", "Survivor access revoked."));

    private Notices() {}

    /** The notice named by the {@code notice} query parameter, or null. */
    public static String of(Context ctx) {
        String key = ctx.queryParam("notice");
        return key == null ? null : TEXT.get(key);
    }
}
