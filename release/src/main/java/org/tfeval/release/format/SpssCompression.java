package org.tfeval.release.format;

/** How the case data of an SPSS .sav file are stored. */
public enum SpssCompression {
    /** Eight bytes per numeric value and per eight bytes of string. */
    NONE(0),
    /** SPSS bytecode compression: small integers, blanks and system missing take one byte. */
    BYTECODE(1);

    private final int headerCode;

    SpssCompression(int headerCode) {
        this.headerCode = headerCode;
    }

    /** The value of the header's compression field. */
    int headerCode() {
        return headerCode;
    }
}
