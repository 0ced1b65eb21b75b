package org.tfeval.release.disclosure;

import java.util.List;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.release.dataset.VariableKind;

/**
 * Replaces every exact date by its year ({@code INCIDENT_DATE} by {@code INCIDENT_YEAR}, with the
 * date's disclosure role), except a date that closes an interval of its own form or opens an interval
 * to a date of its parent record ({@link DateIntervals}): that date is released as the interval only
 * (an offense date as the days to the suspect's arrest, whose year is released). Missing codes are
 * kept.
 */
public final class CoarsenDates implements DisclosureRule {
    @Override
    public void apply(ReleaseWork work) {
        List<DatePairs> pairs = DatePairs.of(work.instrument());
        for (PlannedVariable v : work.allVariables()) {
            if (v.kind() != VariableKind.DATE || v.release() == ReleaseLevel.DROP) {
                continue;
            }
            if (DatePairs.isLaterInForm(pairs, v.form(), v.source())) {
                work.drop(
                        v,
                        getClass().getSimpleName(),
                        "exact date dropped: released as the interval from the date before it");
                continue;
            }
            if (DatePairs.isBeforeParent(pairs, v.form(), v.source())) {
                work.drop(
                        v,
                        getClass().getSimpleName(),
                        "exact date dropped: released as the interval to the parent record's date");
                continue;
            }
            String name = DatePairs.stem(v.name()) + "_YEAR";
            String year =
                    "CASE WHEN " + v.value() + " IS NOT NULL THEN year(" + v.value() + ") ELSE " + v.missing() + " END";
            PlannedVariable coarse = new PlannedVariable(
                    v.form(),
                    name,
                    ReleaseWork.label("Year: " + v.label()),
                    v.question(),
                    VariableKind.INTEGER,
                    v.valueLabels(),
                    v.missingCodes(),
                    v.role(),
                    ReleaseLevel.PUBLIC,
                    v.source(),
                    v.inherits(),
                    year,
                    null);
            work.insertAfter(v, coarse);
            work.drop(v, getClass().getSimpleName(), "exact date dropped: released as its year, " + name);
        }
    }
}
