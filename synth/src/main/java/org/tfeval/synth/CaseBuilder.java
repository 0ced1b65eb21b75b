package org.tfeval.synth;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.tfeval.instrument.Variable;

/**
 * The second stage of a case: dates, agencies, outcome, narrative, and the victim, suspect and
 * offense records, consistent with the case's facts and outcomes. Skip logic, parent links,
 * inherited and derived variables are applied from the instrument ({@link FormLayout}); missing
 * data and deliberate errors are added last.
 */
final class CaseBuilder {
    /** The case form\'s case-list reference, linking a coded file to the draw it was sampled in. */
    static final String CASE_REF = "CASE_REF";

    /** Share of case files without a narrative (the variable is optional). */
    static final double NO_NARRATIVE = 0.10;
    /** Chance a survivor is arrested, at task forces that say they may arrest survivors and at others. */
    static final double VICTIM_ARREST_MAY = 0.08;

    static final double VICTIM_ARREST_OTHERWISE = 0.015;
    /** Largest number of victims or suspects a case ID pattern allows (V1..V999). */
    static final int MAX_PEOPLE_PER_CASE = 999;

    private static final int FEMALE = 1;
    private static final int MALE = 2;
    private static final int ROLE_TRAFFICKER = 1;
    private static final int ROLE_RECRUITER = 2;
    private static final int ROLE_FACILITATOR = 3;
    private static final int ROLE_BUYER = 4;
    private static final int ROLE_VICTIM_OFFENDER = 5;
    private static final int DISPOSITION_TRIAL = 1;
    private static final int DISPOSITION_PLEA = 2;
    private static final int DISPOSITION_PENDING = 6;
    private static final int SENTENCE_PRISON = 1;
    private static final int SENTENCE_JAIL = 2;
    private static final int VENUE_STATE = 1;
    private static final int VENUE_FEDERAL = 2;
    private static final int VENUE_BOTH = 3;

    /** INV_OUTCOME of a case without an arrest; a victim can decline only when there is one. */
    private static final Distribution OUTCOME_WITHOUT_ARREST =
            Distribution.of(2, 0.45, 3, 0.18, 4, 0.15, 5, 0.14, 6, 0.08);

    private static final Distribution OUTCOME_WITHOUT_ARREST_OR_VICTIM =
            Distribution.of(2, 0.45, 3, 0.18, 4, 0.15, 6, 0.08);
    private static final Distribution ROLE_STING_LEAD = Distribution.of(1, 0.55, 3, 0.05, 4, 0.35, 5, 0.05);
    private static final Distribution ROLE_SEX_LEAD = Distribution.of(1, 0.80, 2, 0.08, 3, 0.05, 4, 0.02, 5, 0.05);
    private static final Distribution ROLE_SEX_OTHER = Distribution.of(1, 0.25, 2, 0.20, 3, 0.30, 4, 0.10, 5, 0.15);
    private static final Distribution ROLE_LABOR_LEAD = Distribution.of(1, 0.60, 2, 0.20, 3, 0.15, 6, 0.05);
    private static final Distribution ROLE_LABOR_OTHER = Distribution.of(1, 0.30, 2, 0.30, 3, 0.30, 6, 0.10);
    private static final Distribution ROLE_UNDETERMINED = Distribution.of(1, 0.40, 3, 0.20, 4, 0.20, 6, 0.20);
    /** Suspect race, sex-trafficking and undetermined cases (Black suspects about 68%, so that all suspects are about 66%). */
    private static final Distribution SUSPECT_RACE =
            Distribution.of(1, 0.195, 2, 0.685, 3, 0.02, 4, 0.01, 5, 0.005, 6, 0.04, 7, 0.045);

    private static final Distribution SUSPECT_RACE_LABOR = Distribution.of(1, 0.25, 2, 0.15, 3, 0.35, 6, 0.05, 7, 0.20);
    private static final Distribution CITIZEN = Distribution.of(1, 0.93, 2, 0.03, 3, 0.01, 4, 0.03);
    private static final Distribution CITIZEN_LABOR = Distribution.of(1, 0.45, 2, 0.15, 3, 0.15, 4, 0.25);
    private static final Distribution SUSPECT_VENUE_IN_BOTH = Distribution.of(1, 0.4, 2, 0.4, 3, 0.2);
    private static final Distribution VENUE_HT = Distribution.of(1, 0.60, 2, 0.30, 3, 0.10);
    private static final Distribution VENUE_HT_LABOR = Distribution.of(1, 0.35, 2, 0.55, 3, 0.10);
    private static final Distribution VENUE_OTHER = Distribution.of(1, 0.90, 2, 0.07, 3, 0.03);
    private static final Distribution DISPOSITION_HT = Distribution.of(1, 0.15, 2, 0.60, 3, 0.15, 4, 0.05, 6, 0.05);
    private static final Distribution DISPOSITION_BUYER = Distribution.of(1, 0.02, 2, 0.50, 3, 0.15, 5, 0.30, 6, 0.03);
    private static final Distribution DISPOSITION_VICTIM_OFFENDER = Distribution.of(2, 0.45, 3, 0.15, 5, 0.35, 6, 0.05);
    private static final Distribution DISPOSITION_OTHER =
            Distribution.of(1, 0.08, 2, 0.62, 3, 0.15, 4, 0.03, 5, 0.07, 6, 0.05);
    private static final Distribution SENTENCE_HT = Distribution.of(1, 0.92, 2, 0.05, 3, 0.03);
    private static final Distribution SENTENCE_TRAFFICKER = Distribution.of(1, 0.35, 2, 0.35, 3, 0.25, 5, 0.05);
    private static final Distribution SENTENCE_BUYER = Distribution.of(2, 0.15, 3, 0.45, 4, 0.35, 5, 0.05);
    private static final Distribution SENTENCE_VICTIM_OFFENDER = Distribution.of(2, 0.30, 3, 0.50, 4, 0.10, 5, 0.10);
    private static final Distribution SENTENCE_OTHER = Distribution.of(1, 0.20, 2, 0.30, 3, 0.40, 4, 0.10);
    private static final Distribution CHARGE_TRAFFICKER =
            Distribution.of(5, 0.55, 8, 0.05, 9, 0.12, 10, 0.05, 11, 0.13);
    private static final Distribution CHARGE_TRAFFICKER_MINOR =
            Distribution.of(5, 0.40, 8, 0.30, 9, 0.10, 10, 0.05, 11, 0.10);
    private static final Distribution CHARGE_FACILITATOR = Distribution.of(5, 0.5, 9, 0.2, 11, 0.3);
    private static final Distribution CHARGE_BUYER = Distribution.of(7, 0.9, 11, 0.1);
    private static final Distribution CHARGE_BUYER_MINOR = Distribution.of(7, 0.6, 8, 0.4);
    private static final Distribution CHARGE_VICTIM_OFFENDER = Distribution.of(5, 0.4, 6, 0.6);
    private static final Distribution CHARGE_OTHER = Distribution.of(9, 0.2, 10, 0.2, 11, 0.6);
    private static final Distribution CHARGE_LABOR = Distribution.of(9, 0.1, 10, 0.1, 11, 0.8);
    private static final Distribution OFFENSES_FEW = Distribution.of(1, 0.75, 2, 0.20, 3, 0.05);
    private static final Distribution OFFENSES_TRAFFICKER =
            Distribution.of(1, 0.40, 2, 0.25, 3, 0.15, 4, 0.12, 5, 0.08);
    private static final Distribution OFFENSES_OTHER = Distribution.of(1, 0.60, 2, 0.25, 3, 0.10, 4, 0.05);
    /** OFFENSE_CODE: 1 64A, 2 64B, 3 40A, 4 40B, 5 40C, 6 other. */
    private static final Distribution OFFENSE_LABOR = Distribution.of(2, 0.6, 6, 0.4);

    private static final Distribution OFFENSE_UNDETERMINED = Distribution.of(3, 0.2, 4, 0.3, 6, 0.5);
    private static final Distribution OFFENSE_TRAFFICKER = Distribution.of(1, 0.45, 4, 0.45, 6, 0.10);
    private static final Distribution OFFENSE_RECRUITER = Distribution.of(1, 0.4, 4, 0.4, 6, 0.2);
    private static final Distribution OFFENSE_FACILITATOR = Distribution.of(1, 0.2, 4, 0.5, 6, 0.3);
    private static final Distribution OFFENSE_BUYER = Distribution.of(5, 0.9, 6, 0.1);
    private static final Distribution OFFENSE_BUYER_MINOR = Distribution.of(1, 0.3, 5, 0.6, 6, 0.1);
    private static final Distribution OFFENSE_VICTIM_OFFENDER = Distribution.of(1, 0.1, 3, 0.5, 4, 0.4);
    private static final Distribution OFFENSE_OTHER = Distribution.of(4, 0.3, 6, 0.7);
    private static final Distribution VICTIM_GENDER = Distribution.of(1, 0.88, 2, 0.08, 3, 0.04);
    private static final Distribution VICTIM_GENDER_LABOR = Distribution.of(1, 0.45, 2, 0.55);
    private static final Distribution VICTIM_RACE =
            Distribution.of(1, 0.38, 2, 0.42, 3, 0.04, 4, 0.03, 5, 0.01, 6, 0.08, 7, 0.04);
    private static final Distribution VICTIM_RACE_LABOR = Distribution.of(1, 0.10, 2, 0.05, 3, 0.35, 6, 0.05, 7, 0.45);
    private static final Distribution VICTIM_CITIZEN = Distribution.of(1, 0.90, 2, 0.03, 3, 0.02, 4, 0.05);
    private static final Distribution VICTIM_CITIZEN_LABOR = Distribution.of(1, 0.15, 2, 0.10, 3, 0.30, 4, 0.45);
    private static final Distribution RELATIONSHIP = Distribution.of(1, 0.30, 2, 0.08, 3, 0.27, 4, 0.20, 5, 0.15);
    private static final Distribution RELATIONSHIP_LABOR = Distribution.of(2, 0.10, 3, 0.10, 4, 0.75, 5, 0.05);

    private final FormLayout caseForm;
    private final FormLayout victimForm;
    private final FormLayout suspectForm;
    private final FormLayout offenseForm;
    private final List<String> evidenceFlags;
    private final List<String> agencyFlags;
    private final ErrorInjector injector;

    /** The records of one case, finished and ready to write. */
    record Built(Rec caseRecord, List<Rec> victims, List<Rec> suspects, List<Rec> offenses) {}

    CaseBuilder(
            FormLayout caseForm,
            FormLayout victimForm,
            FormLayout suspectForm,
            FormLayout offenseForm,
            List<String> evidenceFlags,
            ErrorInjector injector) {
        this.caseForm = caseForm;
        this.victimForm = victimForm;
        this.suspectForm = suspectForm;
        this.offenseForm = offenseForm;
        this.evidenceFlags = List.copyOf(evidenceFlags);
        this.agencyFlags = caseForm.form().variables().stream()
                .filter(v -> "agencies".equals(v.group()))
                .map(Variable::name)
                .toList();
        this.injector = injector;
    }

    /** Dates of a case: the incident, when the case was opened and when it was closed. */
    private record CaseDates(LocalDate incident, LocalDate open, LocalDate close) {}

    /** Everything about a case that its people depend on. */
    private record Context(
            Site site,
            String caseId,
            CaseFacts facts,
            OutcomeModel.Outcome outcome,
            int caseVenue,
            CaseDates dates,
            SplittableRandom rng) {}

    /**
     * Builds a case with the given numbers of victims and suspects; {@code ordinal} is its 0-based position in the
     * study and {@code caseRef} its reference on the site's case list (written to {@code CASE_REF} when the
     * instrument has it).
     */
    Built build(
            Site site,
            Rec taskForce,
            int caseNumber,
            String caseRef,
            StudyPlan.CaseDraft draft,
            int victims,
            int suspects,
            long ordinal) {
        if (victims > MAX_PEOPLE_PER_CASE || suspects > MAX_PEOPLE_PER_CASE) {
            throw new IllegalStateException(
                    "a case cannot hold " + Math.max(victims, suspects) + " people; at most " + MAX_PEOPLE_PER_CASE);
        }
        SplittableRandom rng = draft.rng();
        CaseFacts f = draft.facts();
        OutcomeModel.Outcome o = draft.outcome();
        String caseId = site.tfId() + "-C" + pad4(caseNumber);
        Rec c = caseForm.newRec();
        caseForm.link(c, taskForce);
        c.set("CASE_ID", caseId);
        if (caseForm.find(CASE_REF) >= 0) c.set(CASE_REF, caseRef);
        c.set("HT_TYPE", f.htType());
        if (f.sexSubtype() > 0) c.set("SEX_SUBTYPE", f.sexSubtype());
        if (f.laborIndustry() > 0) c.set("LABOR_INDUSTRY", f.laborIndustry());
        CaseDates dates = dates(site, f, rng);
        c.set("INCIDENT_DATE", dates.incident());
        c.set("CASE_OPEN_DATE", dates.open());
        c.set("CASE_CLOSE_DATE", dates.close());
        c.set("ID_SOURCE", f.idSource());
        c.set("ACTUAL_VICTIM", f.actualVictim());
        c.set("LOCATION", f.location());
        for (int i = 0; i < evidenceFlags.size(); i++) {
            c.set(evidenceFlags.get(i), f.evidence()[i]);
        }
        int venue = (o.htCharge() ? (f.labor() ? VENUE_HT_LABOR : VENUE_HT) : VENUE_OTHER).drawInt(rng);
        Context ctx = new Context(site, caseId, f, o, venue, dates, rng);

        List<Rec> suspectRecs = new ArrayList<>(suspects);
        List<Rec> offenseRecs = new ArrayList<>();
        for (int k = 1; k <= suspects; k++) {
            Rec s = suspect(ctx, c, k);
            suspectRecs.add(s);
            List<Rec> offenses = offenses(ctx, s);
            suspectForm.finish(s);
            suspectForm.degrade(s, rng);
            injector.offer(ordinal, s, c);
            for (Rec off : offenses) {
                offenseForm.finish(off);
                offenseForm.degrade(off, rng);
                injector.offer(ordinal, off, s);
            }
            offenseRecs.addAll(offenses);
        }
        List<Rec> victimRecs = new ArrayList<>(victims);
        for (int k = 1; k <= victims; k++) {
            Rec v = victim(ctx, c, k, suspects);
            victimForm.finish(v);
            victimForm.degrade(v, rng);
            injector.offer(ordinal, v, c);
            victimRecs.add(v);
        }

        for (String flag : agencyFlags) {
            c.set(flag, Distribution.chance(rng, agencyProbability(flag, site, f, o, venue, victims)));
        }
        c.set(leadAgencyFlag(site.leadLeType()), true);
        int involved = 0;
        for (String flag : agencyFlags) {
            if (c.is(flag, 1)) involved++;
        }
        c.set(
                "N_AGENCIES",
                Math.max(1, involved + (Distribution.chance(rng, 0.3) ? Distribution.between(rng, 1, 3) : 0)));
        int outcome =
                o.arrest() ? 1 : (victims > 0 ? OUTCOME_WITHOUT_ARREST : OUTCOME_WITHOUT_ARREST_OR_VICTIM).drawInt(rng);
        c.set("INV_OUTCOME", outcome);
        c.set("VENUE", venue);
        c.set("NARRATIVE", Distribution.chance(rng, NO_NARRATIVE) ? null : narrative(f, outcome, victims, suspects));
        caseForm.derive(c, Map.of(victimForm.name(), victimRecs, suspectForm.name(), suspectRecs));
        caseForm.finish(c);
        caseForm.degrade(c, rng);
        injector.offer(ordinal, c, taskForce);
        return new Built(c, victimRecs, suspectRecs, offenseRecs);
    }

    private static CaseDates dates(Site site, CaseFacts f, SplittableRandom rng) {
        LocalDate start = site.programStart();
        int year = f.closedYear();
        LocalDate close = LocalDate.ofYearDay(
                year, 1 + rng.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
        long duration = f.sting()
                ? 3 + (long) Distribution.exponential(rng, 40)
                : 30 + (long) Distribution.exponential(rng, 240);
        LocalDate open = close.minusDays(Math.min(duration, 1500));
        if (open.isBefore(start)) open = start.plusDays(rng.nextLong(ChronoUnit.DAYS.between(start, close) + 1));
        LocalDate incident =
                f.sting() || Distribution.chance(rng, 0.2) ? open : open.minusDays(Distribution.between(rng, 1, 90));
        return new CaseDates(incident, open, close);
    }

    private Rec suspect(Context ctx, Rec c, int k) {
        SplittableRandom rng = ctx.rng();
        CaseFacts f = ctx.facts();
        boolean lead = k == 1;
        Rec s = suspectForm.newRec();
        suspectForm.link(s, c);
        s.set("SUSPECT_ID", ctx.caseId() + "-S" + k);
        int role = role(f, lead).drawInt(rng);
        s.set("S_AGE", suspectAge(role, rng));
        s.set("S_SEX", Distribution.chance(rng, maleShare(role)) ? MALE : FEMALE);
        s.set("S_RACE", (f.labor() ? SUSPECT_RACE_LABOR : SUSPECT_RACE).drawInt(rng));
        s.set("S_HISPANIC", Distribution.chance(rng, f.labor() ? 0.45 : 0.10));
        s.set("S_CITIZEN", (f.labor() ? CITIZEN_LABOR : CITIZEN).drawInt(rng));
        s.set("S_CRIM_RECORD", Distribution.chance(rng, priorRecordShare(role)));
        s.set("S_ROLE", role);
        boolean arrested = ctx.outcome().arrest() && (lead || Distribution.chance(rng, 0.75));
        s.set("S_ARRESTED", arrested);
        LocalDate arrest = null;
        if (arrested) {
            arrest = f.sting()
                    ? ctx.dates().incident()
                    : between(ctx.dates().open(), ctx.dates().close(), rng);
            s.set("S_ARREST_DATE", arrest);
            s.set("S_ARREST_CHARGE_LEVEL", Distribution.chance(rng, felonyShare(role, f)) ? 1 : 2);
        }
        boolean prosecuted = ctx.outcome().prosecution() && (lead || Distribution.chance(rng, arrested ? 0.8 : 0.1));
        s.set("S_PROSECUTED", prosecuted);
        if (!prosecuted) return s;
        LocalDate indictment = arrested
                ? arrest.plusDays(f.sting() ? Distribution.between(rng, 0, 10) : Distribution.between(rng, 0, 120))
                : ctx.dates().open().plusDays(Distribution.between(rng, 30, 300));
        int venue = ctx.caseVenue() == VENUE_BOTH ? SUSPECT_VENUE_IN_BOTH.drawInt(rng) : ctx.caseVenue();
        boolean ht = ctx.outcome().htCharge() && (lead || Distribution.chance(rng, 0.6));
        s.set("S_INDICTMENT_DATE", indictment);
        s.set("S_VENUE", venue);
        s.set("S_HT_CHARGED", ht);
        s.set("S_TOP_CHARGE", ht ? htCharge(f, venue, rng) : otherCharge(role, f, rng));
        int disposition = (ht
                        ? DISPOSITION_HT
                        : role == ROLE_BUYER
                                ? DISPOSITION_BUYER
                                : role == ROLE_VICTIM_OFFENDER ? DISPOSITION_VICTIM_OFFENDER : DISPOSITION_OTHER)
                .drawInt(rng);
        s.set("S_DISPOSITION", disposition);
        boolean convicted = disposition == DISPOSITION_TRIAL || disposition == DISPOSITION_PLEA;
        boolean htConvicted =
                ht && convicted && Distribution.chance(rng, disposition == DISPOSITION_TRIAL ? 0.85 : 0.55);
        s.set("S_HT_CONVICTED", htConvicted);
        if (disposition == DISPOSITION_PENDING) return s;
        LocalDate disposed = indictment.plusDays(
                disposition == DISPOSITION_PLEA
                        ? Distribution.between(rng, 20, 300)
                        : Distribution.between(rng, 60, 500));
        s.set("S_DISPOSITION_DATE", disposed);
        if (!convicted) return s;
        int sentence = (htConvicted
                        ? SENTENCE_HT
                        : role == ROLE_BUYER
                                ? SENTENCE_BUYER
                                : role == ROLE_VICTIM_OFFENDER
                                        ? SENTENCE_VICTIM_OFFENDER
                                        : role <= ROLE_FACILITATOR ? SENTENCE_TRAFFICKER : SENTENCE_OTHER)
                .drawInt(rng);
        s.set("S_SENTENCE_TYPE", sentence);
        if (sentence == SENTENCE_PRISON) {
            int months = htConvicted
                    ? (venue == VENUE_FEDERAL
                            ? Distribution.between(rng, 120, 360)
                            : Distribution.between(rng, 36, 240))
                    : Distribution.between(rng, 12, 120);
            s.set("S_SENTENCE_MONTHS", BigDecimal.valueOf(months));
        } else if (sentence == SENTENCE_JAIL) {
            s.set(
                    "S_SENTENCE_MONTHS",
                    BigDecimal.valueOf(Distribution.between(rng, 1, 24), 0).divide(BigDecimal.valueOf(2)));
        }
        s.set(
                "S_SENTENCE_DATE",
                disposition == DISPOSITION_PLEA && Distribution.chance(rng, 0.5)
                        ? disposed
                        : disposed.plusDays(Distribution.between(rng, 14, 120)));
        return s;
    }

    private List<Rec> offenses(Context ctx, Rec s) {
        SplittableRandom rng = ctx.rng();
        CaseFacts f = ctx.facts();
        int role = ((Long) s.get("S_ROLE")).intValue();
        int n = (role == ROLE_BUYER || role == ROLE_VICTIM_OFFENDER
                        ? OFFENSES_FEW
                        : role == ROLE_TRAFFICKER || role == ROLE_RECRUITER ? OFFENSES_TRAFFICKER : OFFENSES_OTHER)
                .drawInt(rng);
        LocalDate arrest = s.date("S_ARREST_DATE");
        LocalDate reference = arrest != null
                ? arrest
                : f.sting() ? ctx.dates().incident() : ctx.dates().close();
        LocalDate[] dates = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            dates[i] = f.sting() ? reference : reference.minusDays(Distribution.between(rng, 0, 540));
        }
        Arrays.sort(dates);
        List<Rec> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Rec o = offenseForm.newRec();
            offenseForm.link(o, s);
            o.set("OFFENSE_SEQ", i + 1);
            o.set("OFFENSE_DATE", dates[i]);
            int code = offenseCodes(role, f, rng).drawInt(rng);
            o.set("OFFENSE_CODE", code);
            o.set("OFFENSE_IS_HT", code == 1 || code == 2);
            out.add(o);
        }
        return out;
    }

    private Rec victim(Context ctx, Rec c, int k, int suspects) {
        SplittableRandom rng = ctx.rng();
        CaseFacts f = ctx.facts();
        Rec v = victimForm.newRec();
        victimForm.link(v, c);
        v.set("VICTIM_ID", ctx.caseId() + "-V" + k);
        int age = victimAge(f, rng);
        boolean minor = age < 18;
        boolean labor = f.labor();
        v.set("V_AGE", age);
        v.set("V_MINOR", minor);
        v.set("V_GENDER", (labor ? VICTIM_GENDER_LABOR : VICTIM_GENDER).drawInt(rng));
        v.set("V_RACE", (labor ? VICTIM_RACE_LABOR : VICTIM_RACE).drawInt(rng));
        v.set("V_HISPANIC", Distribution.chance(rng, labor ? 0.55 : 0.16));
        v.set("V_CITIZEN", (labor ? VICTIM_CITIZEN_LABOR : VICTIM_CITIZEN).drawInt(rng));
        v.set("V_CRIM_RECORD", Distribution.chance(rng, minor ? 0.15 : 0.40));
        v.set("V_FOSTER_CARE", Distribution.chance(rng, minor ? 0.45 : 0.20));
        v.set("V_INTERVIEWED", Distribution.chance(rng, 0.88));
        boolean arrested =
                Distribution.chance(rng, ctx.site().mayArrestSurvivors() ? VICTIM_ARREST_MAY : VICTIM_ARREST_OTHERWISE);
        v.set("V_ARRESTED", arrested);
        if (arrested) v.set("V_CHARGED", Distribution.chance(rng, 0.5));
        v.set("V_REFERRED_SERVICES", Distribution.chance(rng, minor ? 0.92 : 0.80));
        boolean cooperated = Distribution.chance(rng, 0.62);
        v.set("V_COOPERATED", cooperated);
        v.set("V_TESTIFIED", ctx.outcome().prosecution() && cooperated && Distribution.chance(rng, 0.15));
        if (suspects == 0 && victimForm.unknown() != null) {
            v.set("V_REL_SUSPECT", victimForm.unknown());
        } else {
            v.set("V_REL_SUSPECT", (labor ? RELATIONSHIP_LABOR : RELATIONSHIP).drawInt(rng));
        }
        return v;
    }

    private static int victimAge(CaseFacts f, SplittableRandom rng) {
        return switch (f.htType()) {
            case CaseModel.HT_LABOR -> 18 + Distribution.between(rng, 0, 22) + Distribution.between(rng, 0, 20);
            case CaseModel.HT_UNDETERMINED -> 16 + Distribution.between(rng, 0, 29);
            default ->
                switch (f.sexSubtype()) {
                    case 2 -> 12 + Distribution.between(rng, 0, 5);
                    case 3 ->
                        Distribution.chance(rng, 0.5)
                                ? 12 + Distribution.between(rng, 0, 5)
                                : 18 + Distribution.between(rng, 0, 12);
                    default -> 18 + Distribution.between(rng, 0, 7) + Distribution.between(rng, 0, 15);
                };
        };
    }

    private static Distribution role(CaseFacts f, boolean lead) {
        return switch (f.htType()) {
            case CaseModel.HT_LABOR -> lead ? ROLE_LABOR_LEAD : ROLE_LABOR_OTHER;
            case CaseModel.HT_UNDETERMINED -> ROLE_UNDETERMINED;
            default -> lead ? (f.sting() ? ROLE_STING_LEAD : ROLE_SEX_LEAD) : ROLE_SEX_OTHER;
        };
    }

    private static int suspectAge(int role, SplittableRandom rng) {
        return switch (role) {
            case ROLE_BUYER ->
                20
                        + Distribution.between(rng, 0, 15)
                        + Distribution.between(rng, 0, 15)
                        + Distribution.between(rng, 0, 15);
            case ROLE_VICTIM_OFFENDER ->
                Distribution.chance(rng, 0.05)
                        ? Distribution.between(rng, 16, 17)
                        : 18 + Distribution.between(rng, 0, 12);
            case ROLE_TRAFFICKER, ROLE_RECRUITER ->
                19 + Distribution.between(rng, 0, 10) + Distribution.between(rng, 0, 15);
            default -> 18 + Distribution.between(rng, 0, 30);
        };
    }

    private static double maleShare(int role) {
        return switch (role) {
            case ROLE_TRAFFICKER -> 0.85;
            case ROLE_RECRUITER -> 0.50;
            case ROLE_BUYER -> 0.97;
            case ROLE_VICTIM_OFFENDER -> 0.12;
            default -> 0.70;
        };
    }

    private static double priorRecordShare(int role) {
        return switch (role) {
            case ROLE_TRAFFICKER -> 0.65;
            case ROLE_BUYER -> 0.25;
            case ROLE_RECRUITER, ROLE_FACILITATOR, ROLE_VICTIM_OFFENDER -> 0.50;
            default -> 0.45;
        };
    }

    private static double felonyShare(int role, CaseFacts f) {
        return switch (role) {
            case ROLE_TRAFFICKER -> 0.90;
            case ROLE_RECRUITER -> 0.85;
            case ROLE_BUYER -> f.minorInvolved() ? 0.90 : 0.30;
            case ROLE_VICTIM_OFFENDER -> 0.30;
            default -> 0.60;
        };
    }

    /** S_TOP_CHARGE for a trafficking charge: state or federal, sex or labor. */
    private static int htCharge(CaseFacts f, int venue, SplittableRandom rng) {
        boolean labor =
                f.htType() == CaseModel.HT_LABOR || (f.htType() == CaseModel.HT_BOTH && Distribution.chance(rng, 0.5));
        if (venue == VENUE_FEDERAL) return labor ? 4 : 3;
        return labor ? 2 : 1;
    }

    private static int otherCharge(int role, CaseFacts f, SplittableRandom rng) {
        if (f.labor()) return CHARGE_LABOR.drawInt(rng);
        boolean minor = f.minorInvolved();
        return (switch (role) {
                    case ROLE_TRAFFICKER, ROLE_RECRUITER -> minor ? CHARGE_TRAFFICKER_MINOR : CHARGE_TRAFFICKER;
                    case ROLE_FACILITATOR -> CHARGE_FACILITATOR;
                    case ROLE_BUYER -> minor ? CHARGE_BUYER_MINOR : CHARGE_BUYER;
                    case ROLE_VICTIM_OFFENDER -> CHARGE_VICTIM_OFFENDER;
                    default -> CHARGE_OTHER;
                })
                .drawInt(rng);
    }

    private static Distribution offenseCodes(int role, CaseFacts f, SplittableRandom rng) {
        if (f.labor() || (f.htType() == CaseModel.HT_BOTH && Distribution.chance(rng, 0.3))) return OFFENSE_LABOR;
        if (f.htType() == CaseModel.HT_UNDETERMINED) return OFFENSE_UNDETERMINED;
        return switch (role) {
            case ROLE_TRAFFICKER -> OFFENSE_TRAFFICKER;
            case ROLE_RECRUITER -> OFFENSE_RECRUITER;
            case ROLE_FACILITATOR -> OFFENSE_FACILITATOR;
            case ROLE_BUYER -> f.minorInvolved() ? OFFENSE_BUYER_MINOR : OFFENSE_BUYER;
            case ROLE_VICTIM_OFFENDER -> OFFENSE_VICTIM_OFFENDER;
            default -> OFFENSE_OTHER;
        };
    }

    /** The agency flag of the lead law-enforcement agency type (TF_LEAD_LE_TYPE). */
    private static String leadAgencyFlag(int leadLeType) {
        return switch (leadLeType) {
            case 2 -> "AGY_SHERIFF";
            case 3, 4 -> "AGY_STATE";
            case 5 -> "AGY_PROSECUTOR";
            case 6 -> "AGY_FEDERAL";
            default -> "AGY_LOCAL";
        };
    }

    private static double agencyProbability(
            String flag, Site site, CaseFacts f, OutcomeModel.Outcome o, int venue, int victims) {
        return switch (flag) {
            case "AGY_LOCAL" -> 0.50;
            case "AGY_SHERIFF" -> 0.25;
            case "AGY_STATE" -> site.statewide() ? 0.50 : 0.15;
            case "AGY_FEDERAL" -> o.prosecution() && venue != VENUE_STATE ? 0.90 : f.labor() ? 0.50 : 0.15;
            case "AGY_PROSECUTOR" -> o.prosecution() ? 0.90 : 0.35;
            case "AGY_VSP" -> victims > 0 ? 0.75 : 0.15;
            default -> 0.20;
        };
    }

    private String narrative(CaseFacts f, int outcome, int victims, int suspects) {
        return "SYNTHETIC narrative, not a real case: " + label("ID_SOURCE", f.idSource()) + " led to a "
                + label("HT_TYPE", f.htType()) + " investigation; location: " + label("LOCATION", f.location()) + "; "
                + suspects + (suspects == 1 ? " suspect, " : " suspects, ") + victims
                + (victims == 1 ? " victim" : " victims")
                + "; outcome: " + label("INV_OUTCOME", outcome) + ".";
    }

    private String label(String variable, long code) {
        String l = caseForm.variable(caseForm.indexOf(variable)).labelOf(code);
        return l == null ? "code " + code : l.toLowerCase(Locale.ROOT);
    }

    private static LocalDate between(LocalDate from, LocalDate to, SplittableRandom rng) {
        return from.plusDays(rng.nextLong(ChronoUnit.DAYS.between(from, to) + 1));
    }

    private static String pad4(int n) {
        String s = Integer.toString(n);
        return s.length() >= 4 ? s : "0000".substring(s.length()) + s;
    }
}
