package org.tfeval.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.release.pipeline.ReleaseBuilder;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.testkit.PostgresExtension;

/**
 * Issue 13 item 8: exports, restricted release files, validation reports and sample draws were
 * written 0644. Every file that may hold personal data is the owner's only, even in a folder
 * anyone may write to.
 */
@ExtendWith(PostgresExtension.class)
class PersonalDataFilesTest {
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = Set.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    Path dir;

    @Test
    void study_exports_validation_snapshot_and_restricted_release_are_owner_only_in_an_open_folder(
            ConnectionSettings db) throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Study s = Study.create(open.resolve("study"), "ecm", true, StudyTest.url(db))) {
            Path data = s.folder().syntheticFiles();
            StudyGenerator.defaults()
                    .withCases(20)
                    .withSites(2)
                    .withErrors(false)
                    .generate(s.instrument(), data, org.tfeval.synth.ProgressListener.none());
            assertThat(s.importForms(data, "test", "test data", ProgressListener.NONE, r -> {}))
                    .isTrue();

            Path export = open.resolve("exports/victim.csv");
            s.export("victim", export);
            Study.Validation v = s.validate(open.resolve("validation"), ProgressListener.NONE);
            var snapshot = s.freeze(new Study.Freeze("test", false, "t"), ProgressListener.NONE)
                    .snapshot();
            Path release = open.resolve("release");
            s.folder().buildRelease(ReleaseBuilder.of(snapshot).withLevel(ReleaseLevel.RESTRICTED), release);

            assertThat(mode(s.folder().dir())).isEqualTo("rwx------");
            assertThat(mode(export)).isEqualTo("rw-------");
            assertThat(mode(export.getParent())).isEqualTo("rwx------");
            assertThat(mode(v.html())).isEqualTo("rw-------");
            assertThat(mode(v.json())).isEqualTo("rw-------");
            assertThat(mode(snapshot.dir())).isEqualTo("r-x------");
            // the synthetic input files were written by this test with the generator: they are not tfeval's output
            assertThat(offenders(s.folder().dir())).allMatch(f -> f.startsWith(StudyFolder.SYNTHETIC));
            assertThat(offenders(release)).isEmpty();
            assertThat(mode(release)).isEqualTo("rwx------");
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    /** Every file or folder under {@code root} that group or others may use. */
    private static List<String> offenders(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isSymbolicLink(p)) continue;
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                if (perms.stream().anyMatch(GROUP_AND_OTHERS::contains)) found.add(root.relativize(p) + " " + mode(p));
            }
        }
        return found;
    }
}
