package org.tfeval.study.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy("harbour-study");

    @Test
    void twelve_spaces_common_passwords_and_context_words_are_refused() {
        assertThat(policy.refusal(" ".repeat(12), "ann")).contains("only spaces");
        assertThat(policy.refusal("short", "ann")).contains("at least 12");
        assertThat(policy.refusal("password1234", "ann")).isNotNull();
        assertThat(policy.refusal("Password123!", "ann")).isNotNull();
        assertThat(policy.refusal("qwertyuiop123", "ann")).isNotNull();
        assertThat(policy.refusal("aaaaaaaaaaaaaaaa", "ann")).isNotNull();
        assertThat(policy.refusal("annabel-ann-2024", "annabel"))
                .as("the account's name")
                .isNotNull();
        assertThat(policy.refusal("harbour-study2024", "ann"))
                .as("the study's name")
                .isNotNull();
        assertThat(policy.refusal("Tfeval2024!!", "ann"))
                .as("the application's name")
                .isNotNull();
    }

    @Test
    void a_few_unrelated_words_or_a_random_string_are_accepted_and_refusals_never_quote_the_password() {
        assertThat(policy.refusal("violet anchor mango drizzle", "ann")).isNull();
        assertThat(policy.refusal("k7Qm2pXr9vTz4wLn", "ann")).isNull();
        String refused = policy.refusal("password1234", "ann");
        assertThat(refused).doesNotContain("password1234");
    }
}
