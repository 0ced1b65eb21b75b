package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A million rows stream through every binary writer; readers see them all. */
class ManyRowsTest {
    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    private Path write(FileFormat format) throws Exception {
        Path file = dir.resolve(format.fileName("victims"));
        WrittenFile written = format.writer().write(TestDatasets.victims(), TestDatasets.victimRows(ROWS), file);
        assertThat(written.rowCount()).isEqualTo(ROWS);
        return file;
    }

    @Test
    void a_million_rows_reach_stata_spss_sas_and_csv_readers() throws Exception {
        assertThat(Readstat.summary(write(FileFormat.STATA))).containsEntry("Rows", Integer.toString(ROWS));
        assertThat(Readstat.summary(write(FileFormat.SPSS))).containsEntry("Rows", Integer.toString(ROWS));
        Path xpt = write(FileFormat.SAS_TRANSPORT);
        Path converted = dir.resolve("xpt.csv");
        ExternalTools.run(dir, "readstat", xpt.toString(), converted.toString());
        try (Stream<String> lines = Files.lines(converted)) {
            assertThat(lines.count()).isEqualTo(ROWS + 1);
        }
        Path csv = write(FileFormat.CSV);
        try (Stream<String> lines = Files.lines(csv)) {
            assertThat(lines.count()).isEqualTo(ROWS + 1);
        }
    }
}
