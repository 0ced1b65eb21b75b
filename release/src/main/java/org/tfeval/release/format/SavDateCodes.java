package org.tfeval.release.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowCursor;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.dataset.VariableType;

/**
 * How an SPSS file keeps the missing codes of a date variable without spoiling the dates. A reserved
 * code written into a date column is a number of seconds from 1582: R's haven reads it (with {@code
 * user_na = TRUE}) as 14 October 1582 less a few seconds, and a user-missing declaration or value
 * labels on a date make haven drop the Date class of every value. So in the {@code .sav} file a date
 * variable holds valid dates only, with neither labels nor missing values declared (a missing-coded
 * date is system missing, which every reader takes as NA), and a numeric companion variable named
 * {@code NAME}{@value #SUFFIX}, right after it, holds the reserved code of each missing-coded date,
 * labelled and declared user-missing like every other missing code (system missing where the date is
 * valid or blank). Other formats keep the codes in the date column itself (Stata {@code .a}, SAS
 * {@code .A}); the codebook and the SPSS setup describe the companion.
 */
final class SavDateCodes {
    /** The companion variable's name is the date variable's name with this suffix. */
    static final String SUFFIX = "_MC";

    /** Display width of a companion: a reserved code has two characters ({@code -9}). */
    static final int COMPANION_WIDTH = 2;

    private SavDateCodes() {}

    /** Whether a date variable carries missing codes (then it gets a companion). */
    static boolean needsCompanion(VariableSpec v) {
        return v.kind() == VariableKind.DATE && !v.missingCodes().isEmpty();
    }

    /** The dataset as the {@code .sav} file holds it: dates without codes, each followed by its companion. */
    static DatasetSpec spec(DatasetSpec spec) {
        if (spec.variables().stream().noneMatch(SavDateCodes::needsCompanion)) {
            return spec;
        }
        Set<String> taken = new HashSet<>();
        spec.variables().forEach(v -> taken.add(v.name().toUpperCase(java.util.Locale.ROOT)));
        List<VariableSpec> out = new ArrayList<>();
        for (VariableSpec v : spec.variables()) {
            if (!needsCompanion(v)) {
                out.add(v);
                continue;
            }
            out.add(new VariableSpec(v.name(), v.label(), v.question(), v.type(), null, null));
            String name = companionName(v.name(), taken);
            String label = "Missing code of " + v.name();
            VariableSpec companion = VariableSpec.of(
                            name,
                            label.length() <= VariableSpec.MAX_LABEL_LENGTH
                                    ? label
                                    : label.substring(0, VariableSpec.MAX_LABEL_LENGTH),
                            VariableType.integer(COMPANION_WIDTH))
                    .withQuestion("Why " + v.name() + " holds no date: the reserved missing code of the value.");
            for (Map.Entry<MissingCode, String> e : v.missingCodes().entrySet()) {
                companion = companion.withMissing(e.getKey(), e.getValue());
            }
            out.add(companion);
        }
        return new DatasetSpec(spec.name(), spec.label(), out);
    }

    private static String companionName(String base, Set<String> taken) {
        String root = base.length() + SUFFIX.length() <= VariableSpec.MAX_NAME_LENGTH
                ? base
                : base.substring(0, VariableSpec.MAX_NAME_LENGTH - SUFFIX.length() - 1);
        String name = root + SUFFIX;
        for (int i = 2; taken.contains(name.toUpperCase(java.util.Locale.ROOT)); i++) {
            name = root + SUFFIX + i;
        }
        taken.add(name.toUpperCase(java.util.Locale.ROOT));
        return name;
    }

    /** Each date variable with missing codes, mapped to its companion's name in {@link #spec}. */
    static Map<String, String> companions(DatasetSpec spec) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        DatasetSpec sav = spec(spec);
        for (int i = 0, j = 0; i < spec.size(); i++, j++) {
            if (needsCompanion(spec.variable(i))) {
                out.put(spec.variable(i).name(), sav.variable(++j).name());
            }
        }
        return out;
    }

    /** The rows to match {@link #spec}: a missing-coded date moves its code into the companion. */
    static RowSource rows(DatasetSpec spec, RowSource rows) {
        if (spec.variables().stream().noneMatch(SavDateCodes::needsCompanion)) {
            return rows;
        }
        int extra = (int)
                spec.variables().stream().filter(SavDateCodes::needsCompanion).count();
        return () -> {
            RowCursor in = rows.open();
            return new RowCursor() {
                private long n;

                @Override
                public boolean hasNext() {
                    return in.hasNext();
                }

                @Override
                public Object[] next() {
                    Object[] cells = spec.normaliseRow(in.next(), ++n);
                    Object[] out = new Object[cells.length + extra];
                    int j = 0;
                    for (int i = 0; i < cells.length; i++) {
                        if (!needsCompanion(spec.variable(i))) {
                            out[j++] = cells[i];
                        } else if (cells[i] instanceof MissingCode code) {
                            out[j++] = null;
                            out[j++] = code;
                        } else {
                            out[j++] = cells[i];
                            out[j++] = null;
                        }
                    }
                    return out;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        };
    }
}
