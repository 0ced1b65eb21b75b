package org.tfeval.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {
    @TempDir
    static Path tmp;

    private static Path cache;
    private static Path unpacked;

    @BeforeAll
    static void unpack() throws Exception {
        // the server account (tfeval-pg when root) runs the binaries with access(2) checks: it must reach them
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        cache = Files.createDirectory(tmp.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
        unpacked = PostgresBinaries.resolve(cache);
    }

    /** The attack of issue 13 item 3: an executable planted in the cache captured the database password. */
    @Test
    void a_planted_initdb_never_runs_and_the_real_one_is_unpacked_again() throws Exception {
        Path marker = tmp.resolve("planted-initdb-ran");
        Path initdb = unpacked.resolve("bin/initdb");
        Files.delete(initdb);
        Files.writeString(initdb, "#!/bin/sh\necho \"$@\" > " + marker + "\nexit 1\n");
        Files.setPosixFilePermissions(initdb, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (EmbeddedPostgres pg =
                        EmbeddedPostgres.start(tmp.resolve("study/db"), EmbeddedPostgres.Durability.THROWAWAY, cache);
                Connection c = pg.settings().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(marker).doesNotExist();
        assertThat(PostgresBinaries.verified(unpacked)).isTrue();
    }

    @Test
    void a_modified_binary_is_not_trusted() throws Exception {
        Path postgres = unpacked.resolve("bin/postgres");
        byte[] before = Files.readAllBytes(postgres);
        Files.write(postgres, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        try {
            assertThat(PostgresBinaries.verified(unpacked)).isFalse();
        } finally {
            Files.write(postgres, before);
        }
        assertThat(PostgresBinaries.verified(unpacked)).isTrue();
    }

    @Test
    void an_extra_file_in_the_binaries_is_not_trusted() throws Exception {
        Path extra = unpacked.resolve("lib/libplanted.so");
        Files.writeString(extra, "planted");
        try {
            assertThat(PostgresBinaries.verified(unpacked)).isFalse();
        } finally {
            Files.delete(extra);
        }
        assertThat(PostgresBinaries.verified(unpacked)).isTrue();
    }

    @Test
    void a_binary_that_others_may_write_is_not_trusted() throws Exception {
        Path pgCtl = unpacked.resolve("bin/pg_ctl");
        Files.setPosixFilePermissions(pgCtl, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            assertThat(PostgresBinaries.verified(unpacked)).isFalse();
        } finally {
            Files.setPosixFilePermissions(pgCtl, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(PostgresBinaries.verified(unpacked)).isTrue();
    }

    @Test
    void a_cache_that_others_may_write_is_refused() throws Exception {
        Path shared = Files.createDirectory(tmp.resolve("shared-cache"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> PostgresBinaries.resolve(shared))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("writable by nobody else");
        assertThat(shared.resolve("pg-" + PostgresBinaries.version())).doesNotExist();
    }

    @Test
    void root_keeps_the_binaries_out_of_world_writable_var_tmp() {
        assertThat(EmbeddedPostgres.ROOT_CACHE).doesNotStartWith("/var/tmp").doesNotStartWith("/tmp");
    }
}
