package org.nelc.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecorrelationTimeTest {
    @ParameterizedTest
    @CsvSource({"0.3,0.1", "0.05,0.02", "0.9,0.8"})
    void twoStates(double a, double b) {
        // eigenvalues 1 and 1 − a − b
        DecorrelationTime.Result r = DecorrelationTime.of(new double[] {1 - a, a, b, 1 - b}, 2);
        double l2 = 1 - a - b;
        assertEquals(l2, r.lambda2Real(), 1e-14);
        assertEquals(0, r.lambda2Imaginary(), 0);
        assertEquals(-1 / Math.log(Math.abs(l2)), r.tau(), 1e-12);
    }

    @Test
    void threeStateCirculantHasAComplexSecondEigenvalue() {
        // circulant(c0, c1, c2): λ_k = c0 + c1 ω^k + c2 ω^{2k}, ω = e^{2πi/3}
        double c0 = 0.2;
        double c1 = 0.7;
        double c2 = 0.1;
        double[] m = {c0, c1, c2, c2, c0, c1, c1, c2, c0};
        double re = c0 - (c1 + c2) / 2;
        double im = (c1 - c2) * Math.sqrt(3) / 2;
        DecorrelationTime.Result r = DecorrelationTime.of(m, 3);
        assertEquals(re, r.lambda2Real(), 1e-14);
        assertEquals(im, Math.abs(r.lambda2Imaginary()), 1e-14);
        assertEquals(Math.hypot(re, im), r.lambda2Modulus(), 1e-14);
        assertEquals(-1 / Math.log(Math.hypot(re, im)), r.tau(), 1e-12);
    }

    @Test
    void aDeterministicCycleNeverDecorrelates() {
        DecorrelationTime.Result r = DecorrelationTime.of(new double[] {0, 1, 0, 0, 0, 1, 1, 0, 0}, 3);
        assertEquals(Double.POSITIVE_INFINITY, r.tau());
        assertEquals(1.0, r.lambda2Modulus(), 1e-12);
    }

    @Test
    void independentDrawsDecorrelateAtOnceAndUnvisitedRowsAreLeftOut() {
        double third = 1.0 / 3;
        double[] uniform = {third, third, third, third, third, third, third, third, third};
        assertEquals(0.0, DecorrelationTime.of(uniform, 3).tau(), 1e-6);
        // the unvisited row 2 is dropped and rows renormalized: [[2/3, 1/3], [0.4, 0.6]], λ₂ = 1 − 1/3 − 0.4
        double[] m = {0.6, 0.3, 0.1, 0.3, 0.45, 0.25, 0, 0, 0};
        DecorrelationTime.Result r = DecorrelationTime.of(m, 3, new boolean[] {true, true, false});
        assertEquals(2, r.states());
        assertEquals(1 - 1.0 / 3 - 0.4, r.lambda2Real(), 1e-14);
        assertEquals(0.0, DecorrelationTime.of(new double[] {1}, 1).tau());
    }

    /**
     * The fallback used when the Schur iteration does not converge: deflated power iteration must give
     * the modulus the eigen decomposition gives, on a real pair and on a complex (rotating) pair.
     * For k = 3 the fallback runs 50 000 steps; averaging the log growth of a rotating pair over 25 000 of
     * them leaves an error O(1/25 000) relative, so 2e-5 absolute is the tolerance.
     */
    @Test
    void powerIterationFallbackAgreesWithTheEigenDecomposition() {
        double[][] cases = {
            {0.5, 0.3, 0.2, 0.1, 0.6, 0.3, 0.25, 0.25, 0.5},
            // nearly a 3-cycle: complex λ₂,₃ of modulus ≈ 0.85
            {0.05, 0.9, 0.05, 0.05, 0.05, 0.9, 0.9, 0.05, 0.05}};
        for (double[] m : cases) {
            DecorrelationTime.Result exact = DecorrelationTime.of(m, 3);
            assertEquals(exact.lambda2Modulus(), DecorrelationTime.secondModulus(m, 3), 2e-5);
        }
    }

    /** The four-row product gives the bits of the plain row-by-row loop, for every remainder of k mod 4. */
    @Test
    void fourRowProductHasThePlainLoopsBits() {
        java.util.Random random = new java.util.Random(7);
        for (int k = 1; k <= 13; k++) {
            double[] m = new double[k * k];
            double[] v = new double[k];
            for (int i = 0; i < m.length; i++) {
                m[i] = random.nextDouble() - 0.3;
            }
            for (int i = 0; i < k; i++) {
                v[i] = random.nextGaussian();
            }
            double[] got = new double[k];
            DecorrelationTime.multiply(m, k, v, got);
            for (int a = 0; a < k; a++) {
                double s = 0;
                for (int b = 0; b < k; b++) {
                    s += m[a * k + b] * v[b];
                }
                assertEquals(Double.doubleToRawLongBits(s), Double.doubleToRawLongBits(got[a]), "k " + k + ", row " + a);
            }
        }
    }
}
