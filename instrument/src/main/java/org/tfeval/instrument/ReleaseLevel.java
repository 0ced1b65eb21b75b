package org.tfeval.instrument;

/** The most open release a variable may appear in. */
public enum ReleaseLevel {
    /** Never released. */
    DROP,
    /** Restricted-use files only. */
    RESTRICTED,
    /** Public-use and restricted-use files. */
    PUBLIC;

    /** Whether a variable with this level appears in a release of the given level. */
    public boolean includedIn(ReleaseLevel release) {
        return this != DROP && compareTo(release) >= 0;
    }
}
