package org.tfeval.release.format;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.dataset.VariableType;

/**
 * Synthetic datasets for the writer tests. Row {@code i} is a pure function of {@code i}, so a
 * source can be re-read and expected values recomputed without holding rows in memory.
 */
final class TestDatasets {
    private TestDatasets() {}

    static final List<String> TEXTS = List.of(
            "Plain text",
            "Comma, and \"double quotes\" and 'single'",
            "Ünïcödé – 東京 – emoji 😀",
            "é".repeat(100), // 200 UTF-8 bytes: the longest SAS transport allows
            "Backslash \\ dollar $x backtick `y`",
            "  leading and trailing blanks  ");

    /** A victim-like dataset touching every kind, label, missing-code pattern and name rule. */
    static DatasetSpec victims() {
        return DatasetSpec.of(
                "victims",
                "Victims – synthetic test data (ünïcödé)",
                VariableSpec.of("CASE_ID", "Case identifier", VariableType.string(12)),
                VariableSpec.of("HT_TYPE", "Type of trafficking", VariableType.integer(1))
                        .withQuestion("What type of trafficking does the case file describe?")
                        .withValueLabels(
                                Map.of(1L, "Sex trafficking", 2L, "Labor trafficking", 3L, "Both", 4L, "Undetermined"))
                        .withMissing(MissingCode.values()),
                VariableSpec.of("V_AGE", "Age at identification", VariableType.integer(3))
                        .withQuestion("Victim's age when identified, in years")
                        .withMissing(MissingCode.NOT_RECORDED, MissingCode.UNKNOWN),
                VariableSpec.of("V_GENDER", "Gender ♀♂", VariableType.integer(1))
                        .withValueLabels(
                                Map.of(1L, "Female ♀", 2L, "Male", 3L, "Transgender or gender nonconforming – ñ"))
                        .withMissing(MissingCode.NOT_RECORDED, MissingCode.UNKNOWN)
                        .withMissing(MissingCode.NOT_APPLICABLE, "Not asked (skip)"),
                VariableSpec.of("S_SENTENCE_MONTHS", "Sentence length in months", VariableType.decimal(8, 2))
                        .withMissing(MissingCode.NOT_RECORDED, MissingCode.NOT_APPLICABLE),
                VariableSpec.of("INCIDENT_DATE", "Date of the incident", VariableType.date())
                        .withMissing(MissingCode.NOT_RECORDED, MissingCode.UNKNOWN),
                VariableSpec.of("NARRATIVE_SUMMARY", "Summary text \"quoted\" & <escaped>", VariableType.string(200)),
                VariableSpec.of("TF_LEAD_LE_TYPE_CODE", "Lead law-enforcement agency type", VariableType.integer(1))
                        .withValueLabels(Map.of(
                                1L,
                                "Municipal police",
                                2L,
                                "Sheriff",
                                3L,
                                "State police",
                                4L,
                                "State attorney general",
                                5L,
                                "Prosecutor",
                                6L,
                                "Federal",
                                7L,
                                "Other"))
                        .withMissing(MissingCode.NOT_APPLICABLE),
                VariableSpec.of("TF_LEAD_MODEL", "Leadership model", VariableType.integer(1))
                        .withValueLabels(Map.of(
                                1L,
                                "Co-led",
                                2L,
                                "Law-enforcement led",
                                3L,
                                "Prosecutor led",
                                4L,
                                "Victim-services led")),
                VariableSpec.of("BIG_COUNT", "", VariableType.integer(12)),
                VariableSpec.of("EMPTY_NUM", "Never filled", VariableType.integer(4))
                        .withMissing(MissingCode.SUPPRESSED),
                VariableSpec.of("SMALL_DEC", "Small decimals", VariableType.decimal(12, 6)));
    }

    /** Row {@code i} of {@link #victims()}, raw (missing codes given both as numbers and as enums). */
    static Object[] victimRow(long i) {
        Random r = new Random(i * 7919 + 1);
        Object htType = switch (r.nextInt(9)) {
            case 0, 1, 2 -> 1L;
            case 3 -> 2L;
            case 4 -> 3L;
            case 5 -> 4L;
            case 6 -> -9L;
            case 7 -> MissingCode.UNKNOWN;
            default -> i % 2 == 0 ? -7 : MissingCode.SUPPRESSED; // an Integer on purpose
        };
        Object age = switch ((int) (i % 10)) {
            case 0 -> -9L;
            case 1 -> MissingCode.UNKNOWN;
            case 2 -> null;
            default -> 12L + r.nextInt(60);
        };
        Object gender = switch ((int) (i % 6)) {
            case 0 -> -7L;
            case 1 -> -8L;
            case 2 -> MissingCode.NOT_RECORDED;
            default -> (long) (1 + r.nextInt(3));
        };
        Object months = switch ((int) (i % 7)) {
            case 0 -> -7.0;
            case 1 -> null;
            case 2 -> MissingCode.NOT_RECORDED;
            default -> Math.round(r.nextDouble() * 24_000) / 100.0;
        };
        Object date = switch ((int) (i % 9)) {
            case 0 -> MissingCode.NOT_RECORDED;
            case 1 -> -8L;
            case 2 -> null;
            case 3 -> LocalDate.of(1960, 1, 1);
            case 4 -> LocalDate.of(1899, 12, 31);
            default -> LocalDate.of(1995, 1, 1).plusDays(r.nextInt(11_000));
        };
        Object text = switch ((int) (i % 8)) {
            case 0 -> null;
            case 1 -> "";
            default -> TEXTS.get((int) (i % TEXTS.size()));
        };
        Object leType = i % 5 == 0 ? MissingCode.NOT_APPLICABLE : (long) (1 + r.nextInt(7));
        Object model = (long) (1 + r.nextInt(4));
        Object big = 3_000_000_000L + i * 1_000_003L;
        Object smallDec = (i - 10) * 1.5e-6;
        return new Object[] {
            String.format("C%05d", i), htType, age, gender, months, date, text, leType, model, big, null, smallDec
        };
    }

    static RowSource victimRows(long n) {
        return RowSource.fromIterators(
                () -> LongStream.range(0, n).mapToObj(TestDatasets::victimRow).iterator());
    }

    /** The rows normalised by the spec, for expected values. */
    static List<Object[]> normalisedVictims(long n) {
        DatasetSpec spec = victims();
        List<Object[]> out = new ArrayList<>();
        Iterator<Object[]> rows =
                LongStream.range(0, n).mapToObj(TestDatasets::victimRow).iterator();
        long k = 0;
        while (rows.hasNext()) {
            out.add(spec.normaliseRow(rows.next(), ++k));
        }
        return out;
    }
}
