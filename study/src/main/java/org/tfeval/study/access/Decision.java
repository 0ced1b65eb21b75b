package org.tfeval.study.access;

import java.util.Arrays;
import java.util.Locale;

/** The steward's decision on an application. */
public enum Decision {
    /** Access granted for a term. */
    APPROVE("approved"),
    /** Access refused; the application is final. */
    DENY("denied");

    private final String status;

    Decision(String status) {
        this.status = status;
    }

    /** The application's status after the decision. */
    String status() {
        return status;
    }

    /** The submitted name ({@code approve}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Decision of(String id) {
        return Arrays.stream(values())
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the decision must be approve or deny"));
    }
}
