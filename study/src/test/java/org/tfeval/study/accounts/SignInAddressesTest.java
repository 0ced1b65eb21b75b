package org.tfeval.study.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which client an address counts as: an IPv6 client cannot escape the limit by rotating through its /64. */
class SignInAddressesTest {
    @Test
    void addresses_of_one_ipv6_network_count_as_one_client() {
        assertThat(SignInAddresses.client("2001:db8:1:2::5"))
                .isEqualTo(SignInAddresses.client("2001:DB8:1:2:ffff:0:0:9"))
                .isEqualTo(SignInAddresses.client("[2001:db8:1:2::1]"));
        assertThat(SignInAddresses.client("2001:db8:1:3::5")).isNotEqualTo(SignInAddresses.client("2001:db8:1:2::5"));
    }

    @Test
    void ipv4_addresses_count_one_by_one_whatever_their_spelling() {
        assertThat(SignInAddresses.client("::ffff:192.0.2.1")).isEqualTo(SignInAddresses.client(" 192.0.2.1"));
        assertThat(SignInAddresses.client("192.0.2.1")).isNotEqualTo(SignInAddresses.client("192.0.2.2"));
    }

    @Test
    void a_name_is_never_looked_up() {
        assertThat(SignInAddresses.client("localhost")).isEqualTo("localhost");
        assertThat(SignInAddresses.client("not:an:address:zz")).isEqualTo("not:an:address:zz");
    }
}
