package org.tfeval.release.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.release.disclosure.Thresholds;
import org.tfeval.snapshot.Snapshot;

/** Bad configurations and unreachable targets: a clear error, and no package, partial or otherwise. */
class ReleaseRefusalTest {

    private static Path parent() throws Exception {
        return Files.createDirectories(Files.createTempDirectory(GeneratedSnapshots.root(), "refused-"));
    }

    /** Nothing in the folder: no package, no hidden partial or working folder. */
    private static void assertNothingWritten(Path parent) throws Exception {
        try (var s = Files.list(parent)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void a_quasi_identifier_that_is_not_in_the_instrument_is_refused_before_anything_is_written() throws Exception {
        Path parent = parent();
        ReleaseBuilder b =
                ReleaseBuilder.of(GeneratedSnapshots.demo()).withExtraQuasiIdentifiers(List.of("V_SHOE_SIZE"));
        assertThatThrownBy(() -> b.build(parent.resolve("pkg")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quasi-identifier V_SHOE_SIZE is not a variable of the instrument ecm");
        assertNothingWritten(parent);
    }

    @Test
    void an_identifier_or_a_direct_identifier_cannot_be_a_quasi_identifier() throws Exception {
        Path parent = parent();
        assertThatThrownBy(() -> ReleaseBuilder.of(GeneratedSnapshots.demo())
                        .withExtraQuasiIdentifiers(List.of("case.CASE_ID"))
                        .build(parent.resolve("pkg")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is an identifier");
        assertThatThrownBy(() -> ReleaseBuilder.of(GeneratedSnapshots.demo())
                        .withExtraQuasiIdentifiers(List.of("NARRATIVE"))
                        .build(parent.resolve("pkg")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never released");
        assertNothingWritten(parent);
    }

    @Test
    void k_below_2_is_refused() {
        assertThatThrownBy(() -> Thresholds.defaults().withK(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be at least 2");
        assertThatThrownBy(() -> Thresholds.defaults().withMaxSuppressedValueShare(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 1");
    }

    @Test
    void public_microdata_that_need_more_than_the_maximum_share_of_cases_left_out_give_way_to_aggregate_tables()
            throws Exception {
        Path parent = parent();
        ReleaseResult r = ReleaseBuilder.of(GeneratedSnapshots.demo())
                .withThresholds(Thresholds.defaults()
                        .withMaxSuppressedValueShare(1)
                        .withMaxRemovedCaseShare(0.0)
                        .withMaxLoss(1.0))
                .build(parent.resolve("pkg"));
        assertThat(r.microdata()).isFalse();
        assertThat(Files.readString(r.dir().resolve(ReleaseBuilder.README)))
                .contains("would have to be left out, the maximum is 0.0%");
    }

    @Test
    void a_restricted_release_is_never_replaced_by_tables() throws Exception {
        ReleaseResult r = ReleaseBuilder.of(GeneratedSnapshots.demo())
                .withLevel(ReleaseLevel.RESTRICTED)
                .build(parent().resolve("pkg"));
        assertThat(r.microdata()).isTrue();
        assertThat(r.dir().resolve("tables")).doesNotExist();
    }

    @Test
    void restricted_releases_of_a_snapshot_already_released_publicly_are_not_blocked_by_the_register()
            throws Exception {
        Path parent = parent();
        Path register = parent.resolve("register").resolve("releases.json");
        ReleaseBuilder b = ReleaseBuilder.of(GeneratedSnapshots.demo())
                .withTimestamp(ReleasedPackages.AT)
                .withDisclosure(DisclosureOptions.defaults().withRegister(register));
        b.build(parent.resolve("public"));
        ReleaseResult first = b.withLevel(ReleaseLevel.RESTRICTED).build(parent.resolve("restricted-1"));
        // restricted packages are issued one per recipient, under other settings too: no differencing refusal
        ReleaseResult second = b.withLevel(ReleaseLevel.RESTRICTED)
                .withThresholds(Thresholds.defaults().withK(5))
                .build(parent.resolve("restricted-2"));
        assertThat(first.microdata()).isTrue();
        assertThat(second.microdata()).isTrue();
        assertThat(new ReleaseRegister(register).entries())
                .extracting(ReleaseRegister.Entry::level)
                .containsExactly(ReleaseLevel.PUBLIC, ReleaseLevel.RESTRICTED, ReleaseLevel.RESTRICTED);
        // the register still guards the public tier
        assertThatThrownBy(
                        () -> b.withThresholds(Thresholds.defaults().withK(5)).build(parent.resolve("public-5")))
                .isInstanceOf(org.tfeval.release.disclosure.ReleaseRefusedException.class)
                .hasMessageContaining("can be differenced");
    }

    @Test
    void an_existing_folder_with_files_is_not_overwritten() throws Exception {
        Path parent = parent();
        Path out = Files.createDirectories(parent.resolve("pkg"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> ReleaseBuilder.of(GeneratedSnapshots.demo())
                        .withLevel(ReleaseLevel.RESTRICTED)
                        .build(out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already exists and is not empty");
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void the_key_is_not_kept_inside_the_package() throws Exception {
        Path parent = parent();
        assertThatThrownBy(() -> ReleaseBuilder.of(GeneratedSnapshots.demo())
                        .withLevel(ReleaseLevel.RESTRICTED)
                        .withKeyFile(parent.resolve("pkg").resolve("key.txt"))
                        .build(parent.resolve("pkg")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the release folder");
        assertNothingWritten(parent);
    }

    @Test
    void a_kept_key_reproduces_every_pseudonym_of_its_release_and_only_the_owner_can_read_it() throws Exception {
        Path parent = parent();
        Path keyFile = parent.resolve("release.key");
        ReleaseResult r = ReleaseBuilder.of(GeneratedSnapshots.demo())
                .withLevel(ReleaseLevel.RESTRICTED)
                .withKeyFile(keyFile)
                .build(parent.resolve("pkg"));
        byte[] key = HexFormat.of()
                .parseHex(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
        assertThat(key).hasSize(32);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        Set<String> expected = new HashSet<>();
        Snapshot sn = GeneratedSnapshots.demo();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("SELECT CASE_ID FROM read_parquet('" + sn.dataset("case") + "')")) {
            while (rs.next()) {
                byte[] h = mac.doFinal(("CASE_ID\u0000" + rs.getString(1)).getBytes(StandardCharsets.UTF_8));
                expected.add(HexFormat.of().withUpperCase().formatHex(h, 0, 8));
            }
        }
        assertThat(new HashSet<>(ReleasedPackages.csv(r, "case").values("CASE_ID")))
                .isEqualTo(expected);
        try (var walk = Files.walk(r.dir())) {
            String hex = HexFormat.of().formatHex(key);
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (!p.toString().endsWith(".parquet") && !p.toString().endsWith(".pdf")) {
                    assertThat(Files.readString(p, StandardCharsets.ISO_8859_1))
                            .as(p.toString())
                            .doesNotContain(hex);
                }
            }
        }
    }
}
