package org.tfeval.release.format;

/**
 * IEEE 754 double to the 8-byte IBM System/360 hexadecimal floating point of SAS transport files:
 * sign bit, 7-bit exponent of 16 biased by 64, 56-bit fraction. A double's 53-bit significand fits
 * the 56-bit fraction, so every double in IBM range converts exactly.
 */
final class IbmFloat {
    /** 16^63, about 7.2e75: IBM doubles are below it. */
    static final double LIMIT = Math.pow(16, 63);
    /** Smallest positive normalised IBM double, 16^-65, about 5.4e-79. */
    static final double MIN_NORMAL = Math.pow(16, -65);

    private IbmFloat() {}

    /** The IBM double as a big-endian 64-bit pattern. */
    static long bits(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("IBM floating point has no infinity or NaN");
        }
        if (value == 0.0) {
            return 0L;
        }
        double magnitude = Math.abs(value);
        if (magnitude >= LIMIT) {
            throw new IllegalArgumentException("number beyond the IBM floating-point range (7.2e75)");
        }
        if (magnitude < MIN_NORMAL) {
            return 0L; // underflow: IBM cannot represent it; zero is the nearest value
        }
        long ieee = Double.doubleToRawLongBits(magnitude);
        int exponent = (int) ((ieee >>> 52) & 0x7FF) - 1023; // magnitude = 1.f * 2^exponent
        long significand = (ieee & 0xF_FFFF_FFFF_FFFFL) | (1L << 52); // 53 bits, bit 52 set
        // magnitude = significand * 2^(exponent - 52); IBM: fraction * 2^(4 * (e16 - 64) - 56)
        int shift = Math.floorMod(exponent + 4, 4); // left shift so that exponent + 4 - shift is a multiple of 4
        long fraction = significand << shift; // top bit at 52..55: leading hex digit non-zero
        int e16 = (exponent + 4 - shift) / 4 + 64;
        long sign = value < 0 ? 1L << 63 : 0L;
        return sign | ((long) e16 << 56) | fraction;
    }

    /** Inverse of {@link #bits}, for tests. */
    static double value(long bits) {
        if ((bits & 0x00FF_FFFF_FFFF_FFFFL) == 0) {
            return 0.0;
        }
        int e16 = (int) ((bits >>> 56) & 0x7F);
        long fraction = bits & 0x00FF_FFFF_FFFF_FFFFL;
        double magnitude = fraction * Math.pow(2, 4 * (e16 - 64) - 56);
        return bits < 0 ? -magnitude : magnitude;
    }
}
