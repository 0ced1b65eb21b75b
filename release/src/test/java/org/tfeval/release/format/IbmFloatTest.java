package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IbmFloatTest {

    /**
     * Oracle: the worked example of the IBM hexadecimal floating-point format, -118.625 = C276A000
     * (single precision; the double has the same leading bytes), and 1 = 0x41100000, 0.1 =
     * 0x40199999..., from the IBM System/360 Principles of Operation and the Wikipedia article
     * "IBM hexadecimal floating-point".
     */
    @Test
    void converts_the_textbook_examples() {
        assertThat(IbmFloat.bits(-118.625)).isEqualTo(0xC276A00000000000L);
        assertThat(IbmFloat.bits(1.0)).isEqualTo(0x4110000000000000L);
        assertThat(IbmFloat.bits(0.5)).isEqualTo(0x4080000000000000L);
        assertThat(IbmFloat.bits(100.0)).isEqualTo(0x4264000000000000L);
        assertThat(IbmFloat.bits(0.1)).isEqualTo(0x401999999999999AL);
        assertThat(IbmFloat.bits(0.0)).isZero();
        assertThat(IbmFloat.bits(-0.0)).isZero();
    }

    @Test
    void every_double_in_range_converts_exactly() {
        Random random = new Random(20240506);
        for (int i = 0; i < 100_000; i++) {
            double x = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(x) || Math.abs(x) >= IbmFloat.LIMIT || Math.abs(x) < IbmFloat.MIN_NORMAL) {
                continue;
            }
            assertThat(IbmFloat.value(IbmFloat.bits(x)))
                    .as("bits %x", Double.doubleToLongBits(x))
                    .isEqualTo(x);
        }
        for (double x : new double[] {-9, -1e-6, 3_000_000_000.0, 9_007_199_254_740_993.0, Math.PI, 1e75, 1e-78}) {
            assertThat(IbmFloat.value(IbmFloat.bits(x))).isEqualTo(x);
        }
    }

    @Test
    void refuses_numbers_beyond_the_ibm_range_and_flushes_tiny_ones_to_zero() {
        assertThatThrownBy(() -> IbmFloat.bits(1e76))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IBM");
        assertThatThrownBy(() -> IbmFloat.bits(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(IbmFloat.bits(1e-80)).isZero();
    }
}
