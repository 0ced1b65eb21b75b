package org.tfeval.study.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void argon2id_matches_the_rfc_9106_test_vector() {
        // RFC 9106, section 5.3: Argon2id, version 0x13, 32 KiB, 3 passes, 4 lanes, 32-byte tag
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        byte[] secret = filled(8, 0x03);
        byte[] ad = filled(12, 0x04);
        byte[] tag = PasswordHasher.derive(password, salt, secret, ad, 32, 3, 4, 32);
        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void a_hash_is_a_phc_string_with_the_owasp_parameters_and_verifies_only_its_password() {
        PasswordHasher h = PasswordHasher.defaults();
        String hash = h.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(h.verify("correct horse battery staple", hash)).isTrue();
        assertThat(h.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(h.hash("correct horse battery staple"))
                .as("a fresh salt each time")
                .isNotEqualTo(hash);
    }

    @Test
    void hashes_with_other_costs_still_verify_and_malformed_hashes_never_do() {
        String cheap = PasswordHasher.defaults().withCost(64, 1).hash("pw");
        assertThat(PasswordHasher.defaults().verify("pw", cheap)).isTrue();
        assertThat(PasswordHasher.defaults().verify("pw", "$2a$10$bcrypt")).isFalse();
        assertThat(PasswordHasher.defaults().verify(null, cheap)).isFalse();
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
