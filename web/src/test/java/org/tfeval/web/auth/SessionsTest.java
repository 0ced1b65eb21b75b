package org.tfeval.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.Role;

class SessionsTest {
    private Instant now = Instant.parse("2025-03-01T09:00:00Z");
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };
    private final Account ann = new Account(1, "ann", Role.CODER, new TreeSet<>(Set.of("TFA")), true, 0, null);

    @Test
    void a_session_ends_after_the_idle_timeout_but_activity_keeps_it_alive_up_to_the_absolute_limit() {
        Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(2));
        Session s = sessions.signIn(ann, null);
        now = now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).isPresent();
        now = now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).as("touched 29 minutes ago").isPresent();
        now = now.plus(Duration.ofMinutes(31));
        assertThat(sessions.find(s.id())).as("idle 31 minutes").isEmpty();

        Session busy = sessions.signIn(ann, null);
        for (int i = 0; i < 5; i++) {
            now = now.plus(Duration.ofMinutes(25));
            sessions.find(busy.id());
        }
        assertThat(sessions.find(busy.id())).as("over the absolute limit").isEmpty();
    }

    @Test
    void signing_in_replaces_the_anonymous_session_and_csrf_tokens_are_per_session() {
        Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(2));
        Session anonymous = sessions.anonymous();
        Session signed = sessions.signIn(ann, anonymous.id());
        assertThat(sessions.find(anonymous.id())).isEmpty();
        assertThat(signed.id()).isNotEqualTo(anonymous.id());
        assertThat(Sessions.tokenMatches(signed, signed.csrf())).isTrue();
        assertThat(Sessions.tokenMatches(signed, anonymous.csrf())).isFalse();
        assertThat(Sessions.tokenMatches(signed, null)).isFalse();
        sessions.endAll(ann.id());
        assertThat(sessions.find(signed.id())).isEmpty();
    }
}
