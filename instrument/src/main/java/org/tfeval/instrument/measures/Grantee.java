package org.tfeval.instrument.measures;

import java.util.Arrays;
import java.util.Locale;

/** Which grantee of a task force reports a measure, and in which federal reporting system. */
public enum Grantee {
    /** The law-enforcement grantee (performance measurement tool). */
    LAW_ENFORCEMENT("law_enforcement", "LE"),
    /** The victim-service grantee (trafficking information management system). */
    VICTIM_SERVICES("victim_services", "VS");

    private final String yamlName;
    private final String code;

    Grantee(String yamlName, String code) {
        this.yamlName = yamlName;
        this.code = code;
    }

    /** The name in {@code measures.yaml}. */
    public String yamlName() {
        return yamlName;
    }

    /** The SYSTEM column of a measure file and the grantee part of export file names: LE or VS. */
    public String code() {
        return code;
    }

    /** The grantee of a YAML name. */
    public static Grantee ofYamlName(String name) {
        return Arrays.stream(values())
                .filter(g -> g.yamlName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown grantee '" + name + "'; use law_enforcement or victim_services"));
    }

    /** The grantee of a SYSTEM code (LE / VS, any case), or null when it is neither. */
    public static Grantee ofCodeOrNull(String code) {
        if (code == null) return null;
        String c = code.strip().toUpperCase(Locale.ROOT);
        for (Grantee g : values()) if (g.code.equals(c)) return g;
        return null;
    }
}
