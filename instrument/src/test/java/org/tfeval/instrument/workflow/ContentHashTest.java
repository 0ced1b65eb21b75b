package org.tfeval.instrument.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {
    /** FIPS 180-2, appendix B.1: SHA-256 of "abc". */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void a_file_text_and_bytes_hash_to_the_published_digest(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.UTF_8);
        assertThat(ContentHash.sha256(f)).isEqualTo(ABC);
        assertThat(ContentHash.sha256("abc")).isEqualTo(ABC);
        assertThat(ContentHash.sha256("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(ABC);
    }

    @Test
    void a_short_id_is_the_first_twelve_characters() {
        assertThat(ContentHash.shortId(ABC)).isEqualTo("ba7816bf8f01").hasSize(ContentHash.SHORT_ID_LENGTH);
        assertThat(ContentHash.shortId("abc")).isEqualTo("abc");
        assertThatThrownBy(() -> ContentHash.shortId("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_work_folder_goes_with_its_read_only_contents(@TempDir Path dir) throws Exception {
        Path work = dir.resolve("work");
        Path inner = Files.createDirectories(work.resolve("a/b"));
        Files.writeString(inner.resolve("data.parquet"), "x");
        Files.setPosixFilePermissions(inner.resolve("data.parquet"), PosixFilePermissions.fromString("r--r-----"));
        Files.setPosixFilePermissions(inner, PosixFilePermissions.fromString("r-xr-x---"));
        WorkFolders.deleteTree(work);
        assertThat(work).doesNotExist();
        WorkFolders.deleteTree(work); // already gone: nothing to do
        assertThat(dir).exists();
    }
}
