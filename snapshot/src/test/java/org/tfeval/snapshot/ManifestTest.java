package org.tfeval.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path dir;

    /** A manifest built node by node the way snapshots were written before the manifest was typed. */
    private static ObjectNode written() {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", "4f2a");
        m.put("created_at", "2026-11-30T10:15:30.123456Z");
        m.put("created_by", "coder");
        m.put("tfeval_version", "0.1.0");
        m.put("synthetic", true);
        m.putObject("instrument").put("id", "ecm").put("version", "1.0.0").put("sha256", "cd");
        m.put("allow_errors", true);
        m.putObject("validation").put("errors", 3).put("warnings", 12).put("at", "2026-11-30T10:15:29.5Z");
        m.put("derived_unknown_code", -9);
        ArrayNode datasets = m.putArray("datasets");
        ObjectNode d = datasets.addObject()
                .put("form", "case")
                .put("label", "Case")
                .put("file", "case.parquet")
                .put("rows", 226)
                .put("sha256", "ab");
        d.putArray("columns").add("CASE_ID").add("CASE_OPEN_DATE").add("CASE_OPEN_DATE__MC");
        ArrayNode files = m.putArray("files");
        files.addObject().put("file", "case.parquet").put("sha256", "ab");
        files.addObject().put("file", "instrument.yaml").put("sha256", "cd");
        m.put("id_rule", Manifest.ID_RULE);
        return m;
    }

    @Test
    void reads_the_manifests_snapshots_have_always_had_and_writes_them_back_unchanged() throws Exception {
        Path file = dir.resolve(Snapshot.MANIFEST);
        String before = JSON.writeValueAsString(written());
        Files.writeString(file, before);
        Manifest m = Manifest.read(file);
        assertThat(m.id()).isEqualTo("4f2a");
        assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-11-30T10:15:30.123456Z"));
        assertThat(m.createdBy()).isEqualTo("coder");
        assertThat(m.tfevalVersion()).isEqualTo("0.1.0");
        assertThat(m.synthetic()).isTrue();
        assertThat(m.instrument()).isEqualTo(new Manifest.InstrumentRef("ecm", "1.0.0", "cd"));
        assertThat(m.allowErrors()).isTrue();
        assertThat(m.validation()).isEqualTo(new Manifest.Validation(3, 12, Instant.parse("2026-11-30T10:15:29.5Z")));
        assertThat(m.derivedUnknownCode()).isEqualTo(-9);
        assertThat(m.rows()).containsExactly(java.util.Map.entry("case", 226L));
        assertThat(m.dataset("case").orElseThrow().columns())
                .containsExactly("CASE_ID", "CASE_OPEN_DATE", "CASE_OPEN_DATE__MC");
        assertThat(m.files()).extracting(Manifest.FileHash::file).containsExactly("case.parquet", "instrument.yaml");
        assertThat(m.toJson()).isEqualTo(before.replace("10:15:29.5Z", "10:15:29.500Z"));
    }

    @Test
    void a_manifest_with_validation_errors_must_say_they_were_allowed() {
        Manifest.Validation failed = new Manifest.Validation(2, 0, Instant.EPOCH);
        assertThatThrownBy(() -> new Manifest(
                        "id",
                        Instant.EPOCH,
                        "coder",
                        "dev",
                        false,
                        new Manifest.InstrumentRef("ecm", "1", "cd"),
                        false,
                        failed,
                        -9,
                        List.of(),
                        List.of(),
                        Manifest.ID_RULE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 validation errors");
    }
}
