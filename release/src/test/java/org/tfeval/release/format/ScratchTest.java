package org.tfeval.release.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void writes_all() throws Exception {
        Path dir = Path.of("/tmp/rel");
        Files.createDirectories(dir);
        WriteOptions o = WriteOptions.defaults().withTimestamp(LocalDateTime.of(2024, 5, 6, 7, 8, 9)).withSuppressBelow(11);
        for (FileFormat f : FileFormat.values()) {
            try {
                f.writer(o).write(TestDatasets.victims(), TestDatasets.victimRows(40), dir.resolve(f.fileName("victims")));
            } catch (Exception e) {
                System.out.println("FAIL " + f + ": " + e);
                e.printStackTrace();
            }
        }
    }
}
