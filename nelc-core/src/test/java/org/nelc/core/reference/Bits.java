package org.nelc.core.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Exact comparisons: raw bits, so that −0 ≠ +0 and a NaN payload counts. */
public final class Bits {
    private Bits() {
    }

    public static void assertSameBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                fail(what + "[" + i + "]: expected " + expected[i] + " (" + Long.toHexString(
                        Double.doubleToRawLongBits(expected[i])) + ") but was " + actual[i] + " ("
                        + Long.toHexString(Double.doubleToRawLongBits(actual[i])) + ")");
            }
        }
    }

    public static void assertSameBits(double expected, double actual, String what) {
        assertSameBits(new double[] {expected}, new double[] {actual}, what);
    }
}
