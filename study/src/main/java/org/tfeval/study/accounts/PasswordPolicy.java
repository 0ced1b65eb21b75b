package org.tfeval.study.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;

/**
 * What a password chosen by its holder must be (OWASP ASVS 2.1): at least {@link
 * #MIN_LENGTH} characters, not only white space, and hard to guess as nbvcxz estimates it: its
 * dictionaries of common passwords, words and names, keyboard patterns, dates and repeats, plus
 * the context of this application (the account's name, the study's name, "tfeval"). Immutable.
 */
public final class PasswordPolicy {
    /** Shortest password accepted. */
    public static final int MIN_LENGTH = PasswordHasher.MIN_PASSWORD_LENGTH;
    /** Longest password accepted (Argon2 takes any length; this bounds the estimate's work). */
    public static final int MAX_LENGTH = 256;
    /** Least estimated entropy in bits: about 10^12 guesses, beyond online guessing behind the lockout. */
    public static final double MIN_ENTROPY_BITS = 40.0;
    /** Words of the application itself that make a password guessable here. */
    static final List<String> APPLICATION_WORDS = List.of("tfeval", "taskforce", "task force", "password");

    private static final List<Dictionary> COMMON = ConfigurationBuilder.getDefaultDictionaries();

    private final String studyName;

    /** The policy of a study (its name is a context word). */
    public PasswordPolicy(String studyName) {
        this.studyName = studyName == null ? "" : studyName;
    }

    /** Why a password is refused, in words (never quoting it), or null when it is accepted. */
    public String refusal(String password, String accountName) {
        if (password == null || password.length() < MIN_LENGTH)
            return "The new password needs at least " + MIN_LENGTH + " characters.";
        if (password.length() > MAX_LENGTH) return "The new password may have at most " + MAX_LENGTH + " characters.";
        if (password.isBlank()) return "The new password cannot be only spaces.";
        List<String> context = new ArrayList<>(APPLICATION_WORDS);
        if (accountName != null) context.add(accountName.toLowerCase(Locale.ROOT));
        if (!studyName.isBlank()) context.add(studyName.toLowerCase(Locale.ROOT));
        String lower = password.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        for (String word : context) {
            String w = word.replaceAll("\\s+", "");
            if (w.length() >= 3 && lower.contains(w) && lower.length() - w.length() < MIN_LENGTH)
                return "The new password is too close to the account's name, the study's name or this application's name.";
        }
        List<Dictionary> dictionaries = new ArrayList<>(COMMON);
        dictionaries.add(new DictionaryBuilder()
                .setDictionaryName("context")
                .setExclusion(true)
                .addWords(context, 0)
                .createDictionary());
        Nbvcxz estimator = new Nbvcxz(new ConfigurationBuilder()
                .setDictionaries(dictionaries)
                .setMinimumEntropy(MIN_ENTROPY_BITS)
                .createConfiguration());
        if (!estimator.estimate(password).isMinimumEntropyMet())
            return "The new password is too easy to guess (a common password, a word with small changes, a keyboard "
                    + "pattern or a repeat); a few unrelated words make a good one.";
        return null;
    }

    @Override
    public String toString() {
        return "PasswordPolicy[" + MIN_LENGTH + "+ characters, " + MIN_ENTROPY_BITS + " bits]";
    }

    /** Whether two policies are for the same study. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordPolicy && ((PasswordPolicy) o).studyName.equals(studyName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(studyName);
    }
}
