package org.tfeval.release.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Rule;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;

/**
 * Consecutive dates of the instrument's date-order rules ({@code arrest <= indictment <=
 * disposition}), which is where an interval means something.
 *
 * @param form the rule's form, where the interval is released
 * @param earlier the earlier date (of the form)
 * @param later the later date
 * @param laterInParent whether the later date belongs to the parent record ({@code suspect.S_ARREST_DATE})
 */
record DatePairs(String form, Variable earlier, Variable later, boolean laterInParent) {

    /** Every consecutive pair of every date-order rule, in rule order; pairs across forms only with the direct parent. */
    static List<DatePairs> of(Instrument instrument) {
        List<DatePairs> out = new ArrayList<>();
        for (Rule r : instrument.rules()) {
            if (!(r instanceof Rule.DateOrder d)) {
                continue;
            }
            Form form = instrument.form(d.form());
            for (int i = 0; i + 1 < d.dates().size(); i++) {
                Ref a = ref(instrument, form, d.dates().get(i));
                Ref b = ref(instrument, form, d.dates().get(i + 1));
                if (a == null || b == null || a.inParent) {
                    continue;
                }
                DatePairs pair = new DatePairs(form.name(), a.variable, b.variable, b.inParent);
                if (!out.contains(pair)) {
                    out.add(pair);
                }
            }
        }
        return out;
    }

    /** Whether the date is the later date of a pair within its own form (then its interval carries it). */
    static boolean isLaterInForm(List<DatePairs> pairs, String form, String date) {
        return pairs.stream()
                .anyMatch(p -> p.form.equals(form)
                        && !p.laterInParent
                        && p.later.name().equals(date));
    }

    /** Whether the date precedes a date of the parent record (then its interval to that date carries it). */
    static boolean isBeforeParent(List<DatePairs> pairs, String form, String date) {
        return pairs.stream()
                .anyMatch(p -> p.form.equals(form)
                        && p.laterInParent
                        && p.earlier.name().equals(date));
    }

    private record Ref(Variable variable, boolean inParent) {}

    private static Ref ref(Instrument instrument, Form form, String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return form.find(name)
                    .filter(v -> v.type() == VariableType.DATE)
                    .map(v -> new Ref(v, false))
                    .orElse(null);
        }
        String parent = name.substring(0, dot);
        if (form.parentLink().map(l -> !l.parent().equals(parent)).orElse(true)) {
            return null;
        }
        return instrument
                .form(parent)
                .find(name.substring(dot + 1))
                .filter(v -> v.type() == VariableType.DATE)
                .map(v -> new Ref(v, true))
                .orElse(null);
    }

    /** The stem of a date's name: {@code S_ARREST_DATE} gives {@code S_ARREST}. */
    static String stem(String date) {
        return date.endsWith("_DATE") && date.length() > "_DATE".length()
                ? date.substring(0, date.length() - "_DATE".length())
                : date;
    }

    /**
     * Name of the interval: {@code DAYS_<earlier>_TO_<later>} on the stems, a common leading word
     * moved to the front ({@code S_DAYS_ARREST_TO_INDICTMENT}), at most 32 characters.
     */
    String intervalName() {
        List<String> a = new ArrayList<>(Arrays.asList(stem(earlier.name()).split("_")));
        List<String> b = new ArrayList<>(Arrays.asList(stem(later.name()).split("_")));
        List<String> common = new ArrayList<>();
        while (a.size() > 1 && b.size() > 1 && a.get(0).equals(b.get(0))) {
            common.add(a.remove(0));
            b.remove(0);
        }
        String name = (common.isEmpty() ? "" : String.join("_", common) + "_") + "DAYS_" + String.join("_", a) + "_TO_"
                + String.join("_", b);
        return name.length() <= org.tfeval.release.dataset.VariableSpec.MAX_NAME_LENGTH
                ? name
                : name.substring(0, org.tfeval.release.dataset.VariableSpec.MAX_NAME_LENGTH);
    }
}
