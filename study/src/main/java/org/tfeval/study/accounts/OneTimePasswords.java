package org.tfeval.study.accounts;

import java.security.SecureRandom;

/** Random passwords shown once: from an alphabet without look-alike characters. */
final class OneTimePasswords {
    /** Letters and digits without 0/O, 1/l/I. */
    static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** Length: 18 characters of this alphabet carry about 104 bits. */
    static final int LENGTH = 18;

    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePasswords() {}

    static String next() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }
}
