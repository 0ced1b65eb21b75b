package org.tfeval.web;

import java.util.ArrayList;
import java.util.List;
import org.tfeval.study.accounts.Role;
import org.tfeval.web.auth.Session;

/**
 * What every page shows around its content: title, who is signed in, the navigation their role
 * allows, the CSRF token for forms, and a one-line notice.
 *
 * @param title  page title
 * @param user   the account name, or null when signed out
 * @param role   the role's label, or null
 * @param csrf   the session's CSRF token, or null
 * @param nav    links the role may follow
 * @param notice a notice for the user, or null
 */
public record Chrome(String title, String user, String role, String csrf, List<Link> nav, String notice) {
    /** A navigation link. */
    public record Link(String href, String label) {}

    public Chrome {
        nav = List.copyOf(nav);
    }

    /** The chrome of a page for a session (signed in or not). */
    public static Chrome of(String title, Session s) {
        return of(title, s, null);
    }

    public static Chrome of(String title, Session s, String notice) {
        if (s == null || !s.signedIn())
            return new Chrome(title, null, null, s == null ? null : s.csrf(), List.of(), notice);
        Role r = s.role();
        List<Link> nav = new ArrayList<>();
        nav.add(new Link("/", "Progress"));
        if (r.readsRecords()) nav.add(new Link("/queries", "Queries"));
        if (r.coordinates()) nav.add(new Link("/sampling", "Sampling"));
        if (r.exports()) nav.add(new Link("/agreement", "Agreement"));
        if (r.exports()) nav.add(new Link("/export", "Export"));
        if (r.administers()) nav.add(new Link("/accounts", "Accounts"));
        if (r.administers()) nav.add(new Link("/audit", "Audit log"));
        if (r.readsOriginals()) nav.add(new Link("/deid", "De-identification"));
        if (r.stewards()) nav.add(new Link("/access", "Restricted access"));
        if (r.coordinates()) nav.add(new Link("/field", "Field packages"));
        if (r.administers()) nav.add(new Link("/participants", "Participants"));
        nav.add(new Link("/password", "Password"));
        return new Chrome(title, s.actor(), r.label(), s.csrf(), nav, notice);
    }

    /** The {@code hx-headers} value that sends the CSRF token with every htmx request. */
    public String csrfHeaders() {
        return csrf == null ? null : "{\"X-CSRF-Token\":\"" + csrf + "\"}";
    }
}
