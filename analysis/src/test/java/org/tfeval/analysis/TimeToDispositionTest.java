package org.tfeval.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.disposition.TimeToDisposition;
import org.tfeval.snapshot.Snapshot;

/**
 * Time from arrest to disposition. Oracle: the times and censoring computed in SQL from the Parquet
 * files, fed to R's survival::survfit (log intervals) for the medians and one-year shares.
 */
class TimeToDispositionTest {
    /** Medians are whole days; survfit's survival agrees to rounding. */
    static final double R_TOLERANCE = 1e-9;

    @Test
    void medians_and_censoring_agree_with_r_survfit_on_times_computed_in_sql(@TempDir Path dir) throws Exception {
        Snapshot snapshot = SyntheticSnapshots.standard();
        ResultTable<TimeToDisposition.SummaryRow> t = new TimeToDisposition()
                .run(StudyData.load(snapshot), AnalysisSettings.defaults())
                .table(TimeToDisposition.SUMMARY);
        List<String[]> rows = Oracles.rows(
                snapshot,
                "SELECT c.HT_TYPE, CASE WHEN s.S_DISPOSITION = 6 "
                        + "THEN greatest(coalesce(s.S_INDICTMENT_DATE, DATE '1900-01-01'), coalesce(c.CASE_CLOSE_DATE, DATE '1900-01-01')) - s.S_ARREST_DATE "
                        + "ELSE s.S_DISPOSITION_DATE - s.S_ARREST_DATE END AS days, CASE WHEN s.S_DISPOSITION = 6 THEN 0 ELSE 1 END AS event "
                        + "FROM {suspect} s JOIN {case} c USING (CASE_ID) WHERE s.S_PROSECUTED = 1 AND s.S_ARREST_DATE IS NOT NULL AND s.S_DISPOSITION > 0 "
                        + "AND (s.S_DISPOSITION = 6 OR s.S_DISPOSITION_DATE IS NOT NULL)");
        StringBuilder csv = new StringBuilder("type,days,event\n");
        for (String[] r : rows) {
            if (Long.parseLong(r[1]) >= 0)
                csv.append(r[0])
                        .append(',')
                        .append(r[1])
                        .append(',')
                        .append(r[2])
                        .append('\n');
        }
        Path file = dir.resolve("times.csv");
        Files.writeString(file, csv.toString());
        String out = Oracles.r(
                "suppressMessages(library(survival)); d <- read.csv('" + file + "'); d <- d[d$type == 1, ]; "
                        + "f <- survfit(Surv(days, event) ~ 1, data = d); s <- summary(f)$table; "
                        + "cat(sprintf('%.15g\\n', c(s['records'], s['events'], s['median'], 1 - summary(f, times = 365)$surv)))");
        double[] r = Oracles.numbers(out);
        TimeToDisposition.SummaryRow sex =
                t.first(x -> x.type().equals("Sex trafficking")).orElseThrow();
        assertThat(sex.suspects()).isEqualTo((long) r[0]);
        assertThat(sex.disposed()).isEqualTo((long) r[1]);
        assertThat(sex.pending()).isEqualTo((long) (r[0] - r[1]));
        assertThat(sex.medianDays()).isCloseTo(r[2], within(R_TOLERANCE));
        assertThat(sex.disposedWithin365()).isCloseTo(r[3], within(R_TOLERANCE));
    }
}
