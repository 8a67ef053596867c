package org.nelc.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nelc.core.math.FdlibmConformance.Function;
import org.nelc.core.math.FdlibmConformance.Result;

/**
 * The ports are bit-identical to {@link StrictMath}: no tolerance, every bit of every result. The
 * reference is the JDK's own fdlibm ({@code StrictMath}), so this is an oracle test. The 10^8-argument
 * run is {@code org.nelc.bench.FdlibmCheck} (too slow for the suite on a loaded machine).
 */
class FdlibmTest {

    @ParameterizedTest
    @EnumSource(Function.class)
    void everyBranchBoundaryAndSpecialValueGivesStrictMathsBits(Function f) {
        Result r = FdlibmConformance.checkEdges(f);
        assertTrue(r.checked() > 1000, r.toString());
        assertTrue(r.passed(), r.toString());
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void aMillionRandomArgumentsGiveStrictMathsBits(Function f) {
        Result r = FdlibmConformance.checkRandom(f, 1_000_000, 20261130L + f.ordinal());
        assertTrue(r.passed(), r.toString());
    }

    /** Spot values whose results are known exactly, so a wrong reference would be caught too. */
    @org.junit.jupiter.api.Test
    void exactValues() {
        assertEquals(1.0, Fdlibm.exp(0.0));
        assertEquals(1.0, Fdlibm.exp(-0.0));
        assertEquals(Double.POSITIVE_INFINITY, Fdlibm.exp(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Fdlibm.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, Fdlibm.exp(710.0));
        assertEquals(0.0, Fdlibm.exp(-746.0));
        assertTrue(Double.isNaN(Fdlibm.exp(Double.NaN)));
        assertEquals(0.0, Fdlibm.log(1.0));
        assertEquals(Double.NEGATIVE_INFINITY, Fdlibm.log(0.0));
        assertEquals(Double.NEGATIVE_INFINITY, Fdlibm.log(-0.0));
        assertTrue(Double.isNaN(Fdlibm.log(-1.0)));
        assertEquals(Double.POSITIVE_INFINITY, Fdlibm.log(Double.POSITIVE_INFINITY));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Fdlibm.log1p(-0.0)));
        assertEquals(Double.NEGATIVE_INFINITY, Fdlibm.log1p(-1.0));
        assertTrue(Double.isNaN(Fdlibm.log1p(-2.0)));
        assertEquals(Double.MIN_VALUE, Fdlibm.log1p(Double.MIN_VALUE));
    }
}
