package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;

/** Compares what R read ({@link RHaven.Table}) with the rows we wrote. */
final class Expected {
    private Expected() {}

    /** How the reader shows a reserved missing code. */
    enum MissingAs {
        /** haven tagged NA: ".a" for -9 (Stata extended, SAS special missing). */
        TAGGED,
        /** Plain NA (SPSS user-missing read with user_na = FALSE). */
        NA,
        /** The code itself, -9 (CSV read by the R setup script); dates become NA. */
        CODE
    }

    /**
     * Every cell of every row equals the value written.
     *
     * @param names dataset name to the name in the file (identity unless renamed)
     * @param trimTrailingBlanks SPSS and SAS pad strings with blanks, so readers drop trailing blanks
     */
    static void assertSameCells(
            DatasetSpec spec,
            List<Object[]> rows,
            RHaven.Table table,
            MissingAs missing,
            UnaryOperator<String> names,
            boolean trimTrailingBlanks) {
        assertThat(table.rows()).as("row count").hasSize(rows.size());
        for (int j = 0; j < spec.size(); j++) {
            VariableSpec v = spec.variable(j);
            List<String> actual = table.values(names.apply(v.name()));
            for (int i = 0; i < rows.size(); i++) {
                Object cell = rows.get(i)[j];
                String where = "row " + (i + 1) + " variable " + v.name();
                String got = actual.get(i);
                if (cell == null || "".equals(cell)) {
                    assertThat(got).as(where).isEmpty();
                } else if (cell instanceof MissingCode code) {
                    String want = switch (missing) {
                        case TAGGED -> "." + code.stataLetter();
                        case NA -> "";
                        case CODE -> v.kind() == VariableKind.DATE ? "" : Long.toString(code.code());
                    };
                    assertThat(got).as(where).isEqualTo(want);
                } else if (cell instanceof Long l) {
                    assertThat(Double.parseDouble(got)).as(where).isEqualTo(l.doubleValue());
                } else if (cell instanceof Double d) {
                    assertThat(Double.parseDouble(got)).as(where).isEqualTo(d);
                } else if (cell instanceof LocalDate date) {
                    assertThat(got).as(where).isEqualTo(date.toString());
                } else {
                    String s = (String) cell;
                    assertThat(got).as(where).isEqualTo(trimTrailingBlanks ? s.stripTrailing() : s);
                }
            }
        }
    }

    /**
     * Variable labels and value labels (including missing-code labels) as R sees them. haven drops
     * the value labels of date variables (a Date cannot be labelled), so those are checked through
     * readstat instead.
     */
    static void assertSameLabels(DatasetSpec spec, RHaven.Table table, MissingAs missing, UnaryOperator<String> names) {
        for (VariableSpec v : spec.variables()) {
            String name = names.apply(v.name());
            assertThat(table.label(name)).as("label of " + v.name()).isEqualTo(v.label());
            if (v.kind() == VariableKind.DATE) {
                continue;
            }
            Map<String, String> values = table.meta(name, "value");
            v.valueLabels()
                    .forEach((code, text) -> assertThat(values)
                            .as("value labels of " + v.name())
                            .containsEntry(Long.toString(code), text));
            v.missingCodes()
                    .forEach((code, text) -> assertThat(values)
                            .as("missing-code labels of " + v.name())
                            .containsEntry(
                                    missing == MissingAs.TAGGED ? "." + code.stataLetter() : Long.toString(code.code()),
                                    text));
            assertThat(values)
                    .as("no other labels on " + v.name())
                    .hasSize(v.valueLabels().size() + v.missingCodes().size());
        }
    }
}
