package org.tfeval.study.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.Store;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class DemoAccountsTest {
    @Test
    void demo_accounts_cover_every_role_with_one_time_passwords_stored_only_as_hashes(ConnectionSettings db)
            throws Exception {
        Store store = Store.open(db, Store.DEFAULT_SCHEMA, InstrumentLoader.builtIn("ecm"));
        try (Connection c = store.connect();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO d_task_force (tf_id) VALUES ('TF01'), ('TF02'), ('TF03')")) {
            ps.executeUpdate();
        }
        PasswordHasher cheap = PasswordHasher.defaults().withCost(64, 1);

        List<OneTimeAccount> made = DemoAccounts.create(store, cheap);

        assertThat(made)
                .extracting(OneTimeAccount::name)
                .containsExactly(
                        "admin",
                        "analyst",
                        "coord-tf01",
                        "coder1-tf01",
                        "coder2-tf01",
                        "viewer-tf01",
                        "coord-tf02",
                        "coder1-tf02",
                        "coder2-tf02",
                        "viewer-tf02",
                        "privacy",
                        "steward");
        assertThat(made).extracting(OneTimeAccount::role).containsAll(List.of(Role.values()));
        assertThat(made)
                .extracting(OneTimeAccount::password)
                .doesNotHaveDuplicates()
                .allSatisfy(p -> assertThat(p).hasSize(OneTimePasswords.LENGTH));
        assertThat(made.get(0).toString()).doesNotContain(made.get(0).password());
        try (Connection c = store.connect()) {
            for (OneTimeAccount a : made) {
                String hash = AccountTable.passwordHash(
                        c, AccountTable.find(c, a.name()).orElseThrow().id());
                assertThat(hash).doesNotContain(a.password());
                assertThat(cheap.verify(a.password(), hash)).isTrue();
                assertThat(AccountTable.mustChangePassword(
                                c, AccountTable.find(c, a.name()).orElseThrow().id()))
                        .as("a demo password must be replaced at the first sign-in")
                        .isTrue();
            }
        }
        assertThatThrownBy(() -> DemoAccounts.create(store, cheap)).hasMessageContaining("already has accounts");
    }
}
