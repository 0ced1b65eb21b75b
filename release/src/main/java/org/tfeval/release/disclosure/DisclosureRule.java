package org.tfeval.release.disclosure;

import java.sql.SQLException;

/**
 * One disclosure-control rule. Each rule is a small class named for what it enforces ({@link
 * DropDirectIdentifiers}, {@link TopCode}, {@link LocalSuppression}, ...), composed into the named
 * {@link DisclosurePolicy} of a release level. A rule changes the release plan (which variables, with
 * which values) or the released rows, and records every treatment in the disclosure report.
 */
@FunctionalInterface
public interface DisclosureRule {

    /** Applies the rule to the release being built. */
    void apply(ReleaseWork work) throws SQLException;
}
