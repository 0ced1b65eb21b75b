package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.dataset.VariableType;

/** The example of release/README.md, kept compiling and passing. */
class ReleaseExampleTest {
    @TempDir
    Path dir;

    @Test
    void writes_every_file_of_a_release() throws Exception {
        // README example start
        DatasetSpec spec = DatasetSpec.of(
                "victims",
                "Victims (synthetic)",
                VariableSpec.of("VICTIM_ID", "Victim identifier", VariableType.string(12)),
                VariableSpec.of("V_GENDER", "Gender", VariableType.integer(1))
                        .withQuestion("Gender of the victim as recorded in the case file")
                        .withValueLabels(Map.of(1L, "Female", 2L, "Male", 3L, "Transgender or gender nonconforming"))
                        .withMissing(MissingCode.NOT_RECORDED, MissingCode.UNKNOWN),
                VariableSpec.of("V_ID_DATE", "Date identified", VariableType.date())
                        .withMissing(MissingCode.NOT_RECORDED));
        RowSource rows = RowSource.of(List.of(
                new Object[] {"V001", 1L, LocalDate.of(2021, 3, 4)},
                new Object[] {"V002", -8L, MissingCode.NOT_RECORDED},
                new Object[] {"V003", 2L, null}));

        WriteOptions options = WriteOptions.defaults()
                .withSuppressBelow(11)
                .withStudy("Evaluation of human trafficking task forces", "TFEVAL-DS2")
                .withDescribedFiles(List.of("victims.csv", "victims.dta", "victims.sav"));
        List<WrittenFile> written = new ArrayList<>();
        for (FileFormat format : FileFormat.values()) {
            written.add(format.writer(options).write(spec, rows, dir.resolve(format.fileName(spec.name()))));
        }
        // README example end
        assertThat(written).hasSize(FileFormat.values().length);
        assertThat(written)
                .filteredOn(f -> f.format() == FileFormat.SAS_TRANSPORT)
                .singleElement()
                .satisfies(f -> assertThat(f.renamedVariables())
                        .containsExactly(Map.entry("VICTIM_ID", "VICTIM_I"), Map.entry("V_ID_DATE", "V_ID_DAT")));
        assertThat(Files.readString(dir.resolve("victims.csv")))
                .isEqualTo("VICTIM_ID,V_GENDER,V_ID_DATE\r\nV001,1,2021-03-04\r\nV002,-8,-9\r\nV003,2,\r\n");
    }
}
