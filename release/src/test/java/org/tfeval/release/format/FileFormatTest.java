package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFormatTest {
    @TempDir
    Path dir;

    @Test
    void every_format_writes_its_file_and_is_found_again_by_extension() throws Exception {
        for (FileFormat f : FileFormat.values()) {
            Path file = dir.resolve(f.fileName("victims"));
            WrittenFile written = f.writer().write(TestDatasets.victims(), TestDatasets.victimRows(20), file);
            assertThat(written.format()).isEqualTo(f);
            assertThat(written.path()).isEqualTo(file);
            assertThat(Files.size(file)).as(f.name()).isPositive();
            assertThat(FileFormat.ofFileName(file.getFileName().toString())).contains(f);
            assertThat(written.rowCount()).as(f.name()).isEqualTo(f.role() == FileFormat.Role.SETUP ? 0 : 20);
        }
        assertThat(FileFormat.ofFileName("notes.txt")).isEmpty();
    }
}
