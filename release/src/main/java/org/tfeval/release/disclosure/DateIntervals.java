package org.tfeval.release.disclosure;

import java.util.TreeMap;
import java.util.TreeSet;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.release.dataset.VariableKind;

/**
 * Adds, for every consecutive pair of dates in the instrument's date-order rules, the number of days
 * between them ({@code S_DAYS_ARREST_TO_DISPOSITION}...), computed from the exact dates before they
 * are coarsened. When either date is missing the interval holds that date's missing code (the
 * earlier date's first). Dates out of order (an error the processing log counts) give a blank, never a
 * negative number that could be read as a missing code. They have no disclosure role of their own:
 * the attacker model ({@link AttackerModel}) makes quasi-identifiers of those a source gives.
 */
public final class DateIntervals implements DisclosureRule {
    @Override
    public void apply(ReleaseWork work) {
        work.note("Intervals between dates are quasi-identifiers where the instrument's attacker model says a source "
                + "(a court docket, the task force's staff) gives them; they are then generalized to bands or suppressed "
                + "with the years they could restore.");
        for (DatePairs pair : DatePairs.of(work.instrument())) {
            if (pair.earlier().release() == ReleaseLevel.DROP
                    || pair.later().release() == ReleaseLevel.DROP
                    || pair.earlier().disclosure() == DisclosureRole.DIRECT
                    || pair.later().disclosure() == DisclosureRole.DIRECT) {
                continue;
            }
            PlannedVariable anchor = work.find(
                            pair.form(),
                            pair.laterInParent()
                                    ? pair.earlier().name()
                                    : pair.later().name())
                    .orElse(null);
            if (anchor == null) {
                continue;
            }
            String a = ReleaseWork.column("s", pair.earlier().name());
            String aCode = ReleaseWork.column("s", pair.earlier().name() + "__MC");
            String alias = pair.laterInParent() ? "p" : "s";
            String b = ReleaseWork.column(alias, pair.later().name());
            String bCode = ReleaseWork.column(alias, pair.later().name() + "__MC");
            String days = "date_diff('day', " + a + ", " + b + ")";
            String value = "CASE WHEN " + a + " IS NOT NULL AND " + b + " IS NOT NULL THEN (CASE WHEN " + days
                    + " >= 0 THEN " + days + " END) WHEN " + a + " IS NULL THEN " + aCode + " ELSE " + bCode + " END";
            TreeSet<Integer> codes = new TreeSet<>(pair.earlier().missingCodes());
            codes.addAll(pair.later().missingCodes());
            String name = pair.intervalName();
            String label = ReleaseWork.label("Days from " + lower(pair.earlier().label()) + " to "
                    + lower(pair.later().label()));
            PlannedVariable interval = new PlannedVariable(
                    pair.form(),
                    name,
                    label,
                    label + " (computed from the exact dates)",
                    VariableKind.INTEGER,
                    new TreeMap<>(),
                    codes,
                    DisclosureRole.NONE,
                    ReleaseLevel.PUBLIC,
                    name,
                    null,
                    value,
                    null);
            work.insertAfter(anchor, interval);
            work.treat(
                    pair.form(),
                    name,
                    getClass().getSimpleName(),
                    "added: days from " + (pair.laterInParent() ? "" : "")
                            + pair.earlier().name() + " to " + (pair.laterInParent() ? "the parent record's " : "")
                            + pair.later().name()
                            + ", computed from the exact dates",
                    0);
        }
    }

    private static String lower(String label) {
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
