package org.tfeval.study.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.Store;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class AccountTableTest {
    private Store store;
    private Connection c;

    @BeforeEach
    void open(ConnectionSettings db) throws SQLException {
        store = Store.open(db, Store.DEFAULT_SCHEMA, InstrumentLoader.builtIn("ecm"));
        c = store.connect();
    }

    @Test
    void an_account_keeps_its_role_and_task_forces_and_its_creation_is_audited_without_the_hash() throws SQLException {
        Account a = AccountTable.create(c, "ann", Role.CODER, Set.of("TF02", "TF01"), "$argon2id$secret-hash", "admin");

        assertThat(a.role()).isEqualTo(Role.CODER);
        assertThat(a.taskForces()).containsExactly("TF01", "TF02");
        assertThat(a.sees("TF01")).isTrue();
        assertThat(a.sees("TF03")).isFalse();
        assertThat(AccountTable.passwordHash(c, a.id())).isEqualTo("$argon2id$secret-hash");
        assertThat(AuditLog.events(c, 0, Long.MAX_VALUE)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("account_create");
            assertThat(e.detail()).contains("ann").doesNotContain("secret-hash");
        });
    }

    @Test
    void scoped_roles_need_task_forces_and_unscoped_roles_take_none() {
        assertThatThrownBy(() -> AccountTable.create(c, "ann", Role.CODER, Set.of(), "h", "admin"))
                .hasMessageContaining("at least one task force");
        assertThatThrownBy(() -> AccountTable.create(c, "al", Role.ANALYST, Set.of("TF01"), "h", "admin"))
                .hasMessageContaining("every task force");
        assertThatThrownBy(() -> AccountTable.create(c, "Ann Smith", Role.ANALYST, Set.of(), "h", "admin"))
                .hasMessageContaining("account name");
    }

    @Test
    void the_threshold_th_failure_locks_the_account_and_a_success_clears_the_counter() throws SQLException {
        Account a = AccountTable.create(c, "ann", Role.ANALYST, Set.of(), "h", "admin");
        LockoutPolicy policy = new LockoutPolicy(3, Duration.ofMinutes(10));
        Instant now = Instant.parse("2025-01-01T10:00:00Z");

        assertThat(AccountTable.recordFailure(c, a.id(), policy, now).lockedAt(now))
                .isFalse();
        assertThat(AccountTable.recordFailure(c, a.id(), policy, now).lockedAt(now))
                .isFalse();
        Account locked = AccountTable.recordFailure(c, a.id(), policy, now);

        assertThat(locked.lockedAt(now.plusSeconds(599))).isTrue();
        assertThat(locked.lockedAt(now.plusSeconds(601))).isFalse();
        AccountTable.recordSuccess(c, a.id());
        assertThat(AccountTable.find(c, a.id()).orElseThrow().failedLogins()).isZero();
    }

    @Test
    void roles_round_trip_through_their_ids() {
        for (Role r : Role.values()) assertThat(Role.of(r.id())).isEqualTo(r);
        assertThatThrownBy(() -> Role.of("root")).hasMessageContaining("unknown role");
        assertThat(Role.CODER.codes()).isTrue();
        assertThat(Role.CODER.exports()).isFalse();
        assertThat(Role.TASK_FORCE_VIEWER.readsRecords()).isFalse();
    }
}
