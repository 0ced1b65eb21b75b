package org.tfeval.release.disclosure;

import java.util.Locale;
import java.util.function.Function;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;

/**
 * A release archives only what consent allows: the records of every form keyed to an interview
 * participant ({@value #PARTICIPANT}) are released only for participants whose consent in force (the
 * {@value #CONSENT_FORM} record with the highest {@value #SEQ}) has {@value #ARCHIVING} = 1. A
 * participant without a consent record consented to nothing. Forms without the participant link, and
 * instruments without a consent form, are untouched.
 */
final class ArchivingConsent {
    static final String CONSENT_FORM = "consent";
    static final String PARTICIPANT = "PARTICIPANT_ID";
    static final String SEQ = "CONSENT_SEQ";
    static final String ARCHIVING = "CONSENT_ARCHIVING";
    static final int CONSENTED = 1;

    private ArchivingConsent() {}

    /**
     * The WHERE clause (with a leading space, or empty) that keeps only archivable participants' rows
     * of {@code form}, whose source rows are aliased {@code alias}; {@code parquet} gives the quoted
     * file of a form's dataset.
     */
    static String where(Instrument instrument, Form form, String alias, Function<String, String> parquet) {
        if (!instrument.formNames().contains(CONSENT_FORM)
                || form.find(PARTICIPANT).isEmpty()) return "";
        Form consent = instrument.form(CONSENT_FORM);
        if (consent.find(SEQ).isEmpty() || consent.find(ARCHIVING).isEmpty()) return "";
        String pid = col(PARTICIPANT);
        String c = parquet.apply(CONSENT_FORM);
        return " WHERE " + alias + "." + pid + " IN (SELECT k." + pid + " FROM read_parquet(" + c + ") k WHERE k."
                + col(SEQ) + " = (SELECT max(m." + col(SEQ) + ") FROM read_parquet(" + c + ") m WHERE m." + pid
                + " = k." + pid + ") AND k." + col(ARCHIVING) + " = " + CONSENTED + ")";
    }

    private static String col(String variable) {
        return "\"" + variable.toLowerCase(Locale.ROOT) + "\"";
    }
}
