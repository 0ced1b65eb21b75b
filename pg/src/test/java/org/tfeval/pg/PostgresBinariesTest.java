package org.tfeval.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {
    @TempDir
    Path tmp;

    /** The attack of issue 13 item 3: an executable planted in the cache captured the database password. */
    @Test
    void a_planted_initdb_never_runs_and_the_real_one_is_unpacked_again() throws Exception {
        Path cache = cacheFolder("cache");
        Path unpacked = PostgresBinaries.resolve(cache);
        Path marker = tmp.resolve("planted-initdb-ran");
        Path initdb = unpacked.resolve("bin/initdb");
        Files.delete(initdb);
        Files.writeString(
                initdb, "#!/bin/sh\necho \"$@\" > " + marker + "\ncat \"${@##--pwfile=}\" >> " + marker + "\nexit 1\n");
        Files.setPosixFilePermissions(initdb, PosixFilePermissions.fromString("rwxr-xr-x"));

        Path studyDb = tmp.resolve("study/db");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(studyDb, EmbeddedPostgres.Durability.THROWAWAY, cache);
                Connection c = pg.settings().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(marker).doesNotExist();
        assertThat(Files.readString(initdb, StandardCharsets.ISO_8859_1)).doesNotContain("planted-initdb-ran");
    }

    @Test
    void a_modified_library_or_an_extra_file_makes_the_copy_unpack_again() throws Exception {
        Path cache = cacheFolder("cache");
        Path unpacked = PostgresBinaries.resolve(cache);
        Path extra = unpacked.resolve("bin/pg_ctl.d");
        Files.writeString(extra, "planted");
        Path postgres = unpacked.resolve("bin/postgres");
        byte[] before = Files.readAllBytes(postgres);
        Files.write(postgres, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);

        Path again = PostgresBinaries.resolve(cache);

        assertThat(again.resolve("bin/pg_ctl.d")).doesNotExist();
        assertThat(Files.readAllBytes(again.resolve("bin/postgres"))).isEqualTo(before);
    }

    @Test
    void a_cache_that_others_may_write_is_refused() throws Exception {
        Path cache = cacheFolder("shared-cache");
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> PostgresBinaries.resolve(cache))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("writable by nobody else");
        assertThat(cache.resolve("pg-" + PostgresBinaries.version())).doesNotExist();
    }

    @Test
    void a_binary_that_another_user_may_write_is_not_trusted() throws Exception {
        Path cache = cacheFolder("cache");
        Path unpacked = PostgresBinaries.resolve(cache);
        Path pgCtl = unpacked.resolve("bin/pg_ctl");
        Files.setPosixFilePermissions(pgCtl, PosixFilePermissions.fromString("rwxrwxrwx"));

        Path again = PostgresBinaries.resolve(cache);

        assertThat(Files.getPosixFilePermissions(again.resolve("bin/pg_ctl")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void root_keeps_the_binaries_out_of_world_writable_var_tmp() {
        assertThat(EmbeddedPostgres.ROOT_CACHE).doesNotStartWith("/var/tmp").doesNotStartWith("/tmp");
    }

    private Path cacheFolder(String name) throws Exception {
        // the server account (tfeval-pg when root) runs the binaries with access(2) checks: it must reach them
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }
}
