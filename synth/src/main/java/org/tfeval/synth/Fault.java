package org.tfeval.synth;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.Rule;
import org.tfeval.instrument.Variable;

/**
 * The kinds of error the demo study carries on purpose, one record each, each raising exactly one
 * violation: the keying and coding mistakes a data manager meets in practice. Each names the
 * form it alters, decides whether a record can carry it, and alters the record.
 */
enum Fault {
    /** An age keyed with an extra digit. */
    AGE_OUT_OF_RANGE("suspect", "S_AGE", null) {
        @Override
        boolean eligible(Rec r, Rec parent) {
            return r.known(variable) instanceof Long;
        }

        @Override
        String apply(Rec r, Rec parent, SplittableRandom rng) {
            long age = (Long) r.known(variable);
            long max = r.layout().variable(r.layout().indexOf(variable)).max().longValue();
            r.set(variable, age * 10 > max ? age * 10 : max + 1 + age);
            return variable + " keyed with an extra digit, above the valid maximum";
        }

        @Override
        String code(Instrument instrument) {
            return "out_of_range";
        }
    },
    /** A location code that the value labels do not document. */
    UNDOCUMENTED_LOCATION("case", "LOCATION", null) {
        @Override
        boolean eligible(Rec r, Rec parent) {
            return r.known(variable) instanceof Long;
        }

        @Override
        String apply(Rec r, Rec parent, SplittableRandom rng) {
            Variable v = r.layout().variable(r.layout().indexOf(variable));
            long max = v.valueLabels().keySet().stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElseThrow();
            r.set(variable, max + 1);
            return variable + " coded one above the last documented code";
        }

        @Override
        String code(Instrument instrument) {
            return "undocumented_code";
        }
    },
    /** A venue keyed for a suspect who was not prosecuted, where skip logic asks for not applicable. */
    VENUE_NOT_SKIPPED("suspect", "S_VENUE", null) {
        @Override
        boolean eligible(Rec r, Rec parent) {
            return r.get(variable) instanceof Missing m && m.equals(r.layout().notApplicable());
        }

        @Override
        String apply(Rec r, Rec parent, SplittableRandom rng) {
            Variable v = r.layout().variable(r.layout().indexOf(variable));
            r.set(variable, v.valueLabels().keySet().iterator().next());
            return variable + " keyed although skip logic makes it not applicable";
        }

        @Override
        String code(Instrument instrument) {
            return "skip_not_applicable";
        }
    },
    /** An indictment dated before the arrest. */
    INDICTMENT_BEFORE_ARREST("suspect", "S_INDICTMENT_DATE", "suspect_dates_in_order") {
        @Override
        boolean eligible(Rec r, Rec parent) {
            return r.date("S_ARREST_DATE") != null && r.date(variable) != null;
        }

        @Override
        String apply(Rec r, Rec parent, SplittableRandom rng) {
            r.set(variable, r.date("S_ARREST_DATE").minusDays(Distribution.between(rng, 7, 60)));
            return variable + " dated before S_ARREST_DATE";
        }
    },
    /** A case closed the day before it was opened. */
    CLOSED_BEFORE_OPENED("case", "CASE_CLOSE_DATE", "case_dates_in_order") {
        @Override
        boolean eligible(Rec r, Rec parent) {
            LocalDate open = r.date("CASE_OPEN_DATE");
            LocalDate incident = r.date("INCIDENT_DATE");
            return open != null && r.date(variable) != null && (incident == null || incident.isBefore(open));
        }

        @Override
        String apply(Rec r, Rec parent, SplittableRandom rng) {
            r.set(variable, r.date("CASE_OPEN_DATE").minusDays(1));
            return variable + " set to the day before CASE_OPEN_DATE";
        }
    },
    /** A victim under 18 coded as not a minor. */
    MINOR_NOT_CODED("victim", "V_MINOR", "under_18_is_minor") {
        @Override
        boolean eligible(Rec r, Rec parent) {
            return r.known("V_AGE") instanceof Long age && age < 18 && r.is(variable, 1);
        }

        @Override
        String apply(Rec r, Rec parent, SplittableRandom rng) {
            r.set(variable, 0L);
            return variable + " coded 0 for a victim aged under 18";
        }
    },
    /** A trafficking conviction without a trafficking charge. */
    HT_CONVICTION_WITHOUT_CHARGE("suspect", "S_HT_CONVICTED", "ht_conviction_requires_ht_charge") {
        @Override
        boolean eligible(Rec r, Rec parent) {
            return r.is("S_PROSECUTED", 1)
                    && r.is("S_HT_CHARGED", 0)
                    && r.is(variable, 0)
                    && (r.is("S_DISPOSITION", 1) || r.is("S_DISPOSITION", 2));
        }

        @Override
        String apply(Rec r, Rec parent, SplittableRandom rng) {
            r.set(variable, 1L);
            return variable + " coded 1 for a suspect not charged under a trafficking statute";
        }
    },
    /** A stored case flag that disagrees with the case's suspects. */
    ARREST_FLAG_MISMATCH("case", "ANY_ARREST", null) {
        @Override
        boolean eligible(Rec r, Rec parent) {
            return r.is(variable, 1);
        }

        @Override
        String apply(Rec r, Rec parent, SplittableRandom rng) {
            r.set(variable, 0L);
            return variable + " stored as 0 although a suspect of the case was arrested";
        }

        @Override
        String code(Instrument instrument) {
            return "derived_mismatch";
        }
    },
    /** An offense dated after the suspect's arrest. */
    OFFENSE_AFTER_ARREST("offense", "OFFENSE_DATE", "offense_before_arrest") {
        @Override
        boolean eligible(Rec r, Rec parent) {
            return parent != null && parent.date("S_ARREST_DATE") != null && r.date(variable) != null;
        }

        @Override
        String apply(Rec r, Rec parent, SplittableRandom rng) {
            r.set(variable, parent.date("S_ARREST_DATE").plusDays(Distribution.between(rng, 7, 30)));
            return variable + " after the suspect's S_ARREST_DATE (rule " + ruleId + ")";
        }

        @Override
        String code(Instrument instrument) {
            return "date_order_parent";
        }
    };

    final String form;
    final String variable;
    /** The instrument rule the fault breaks, or null when it breaks a variable's own definition. */
    final String ruleId;

    Fault(String form, String variable, String ruleId) {
        this.form = form;
        this.variable = variable;
        this.ruleId = ruleId;
    }

    /** Whether the record (with its parent, for offenses) can carry the fault. */
    abstract boolean eligible(Rec r, Rec parent);

    /** Alters the record; returns what was done, in words. */
    abstract String apply(Rec r, Rec parent, SplittableRandom rng);

    /** The violation code the check raises. */
    String code(Instrument instrument) {
        return "rule:" + ruleId;
    }

    /** Whether the instrument has what the fault needs (its form, variable and rule). */
    boolean supportedBy(Instrument instrument) {
        boolean variableOk =
                instrument.findForm(form).flatMap(f -> f.find(variable)).isPresent();
        return variableOk && (ruleId == null || rule(instrument).isPresent());
    }

    /** The variable the check reports: a require rule reports the first variable of its 'then'. */
    String reportedVariable(Instrument instrument) {
        return rule(instrument)
                .filter(r -> r instanceof Rule.Require)
                .map(r -> (Rule.Require) r)
                .flatMap(r -> r.then().variables().stream().findFirst())
                .orElse(variable);
    }

    private Optional<Rule> rule(Instrument instrument) {
        return instrument.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }
}
