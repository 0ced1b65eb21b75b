package org.tfeval.study.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.Problem;

class ParticipantKeysTest {
    @TempDir
    Path study;

    @Test
    void sealedWordsOpenOnlyForTheirParticipantAndPurpose() {
        ParticipantKeys keys = ParticipantKeys.of(study);
        byte[] sealed = keys.seal("P-007", "transcript-original", "my employer kept my passport");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("passport");
        assertThat(keys.openText("P-007", "transcript-original", sealed)).isEqualTo("my employer kept my passport");
        keys.seal("P-008", "transcript-original", "x");
        assertThatThrownBy(() -> keys.open("P-008", "transcript-original", sealed))
                .isInstanceOf(Problem.class);
        assertThatThrownBy(() -> keys.open("P-007", "key-map", sealed)).isInstanceOf(Problem.class);
        // a reopened store (another process) reads the same key
        assertThat(ParticipantKeys.of(study).openText("P-007", "transcript-original", sealed))
                .isEqualTo("my employer kept my passport");
    }

    @Test
    void aDestroyedKeyOpensNothingEvenWithACopyOfTheOldStore() throws Exception {
        ParticipantKeys keys = ParticipantKeys.of(study);
        byte[] sealed = keys.seal("P-007", "transcript-original", "words");
        Path storeDir = study.resolve(ParticipantKeys.FOLDER);
        keys.destroy("P-007");
        keys.destroy("P-007"); // idempotent
        assertThat(keys.destroyed("P-007")).isTrue();
        assertThat(keys.holds("P-007")).isFalse();
        assertThatThrownBy(() -> keys.open("P-007", "transcript-original", sealed))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("removed");
        assertThatThrownBy(() -> keys.seal("P-007", "transcript-original", "again"))
                .isInstanceOf(Problem.class);
        // what is left in the store is the key-encryption key and a tombstone: no file can unwrap the old key
        try (Stream<Path> files = Files.list(storeDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".key")))
                    .isEmpty();
        }
    }

    @Test
    void theStoreIsOwnerOnlyAndNamesNobody() throws Exception {
        ParticipantKeys keys = ParticipantKeys.of(study);
        keys.seal("Survivor-Jane-Doe", "transcript-original", "x");
        Path storeDir = study.resolve(ParticipantKeys.FOLDER);
        assertThat(Files.getPosixFilePermissions(storeDir))
                .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        try (Stream<Path> files = Files.list(storeDir)) {
            files.forEach(f -> {
                assertThat(f.getFileName().toString()).doesNotContain("Jane");
                try {
                    assertThat(Files.getPosixFilePermissions(f))
                            .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
