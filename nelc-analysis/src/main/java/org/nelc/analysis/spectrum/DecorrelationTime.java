package org.nelc.analysis.spectrum;

import java.util.Arrays;
import org.nelc.analysis.transition.VisitedBlock;

/**
 * The decorrelation time of Eq. 23, {@code τ = −1 / ln|λ₂|}, with {@code λ₂} the eigenvalue of
 * {@code M} second-largest in modulus (possibly complex: {@code M} is not symmetric). The eigenvalues
 * are those of the visited block ({@link VisitedBlock}), a stochastic matrix whose largest eigenvalue
 * is 1: {@code λ₁} is taken as the eigenvalue nearest to 1 and {@code λ₂} as the largest in modulus of
 * the others. {@code |λ₂| = 1} (a reducible or periodic chain, e.g. a deterministic cycle) gives
 * {@code τ = +∞}; a single state, or {@code |λ₂| ≤ 1e-12} (rounding noise of 0), gives {@code τ = 0}.
 * In double steps.
 */
public final class DecorrelationTime {
    /** Moduli this close to 1 count as 1 (τ infinite). */
    static final double UNIT_TOLERANCE = 1e-12;
    /** Moduli below this are rounding noise of a zero eigenvalue (τ = 0). */
    static final double ZERO_TOLERANCE = 1e-12;

    private DecorrelationTime() {
    }

    /**
     * @param tau {@code −1/ln|λ₂|}, double steps
     * @param lambda2Real real part of λ₂
     * @param lambda2Imaginary imaginary part of λ₂
     * @param lambda2Modulus {@code |λ₂|}
     * @param states the size of the matrix whose spectrum was taken
     */
    public record Result(double tau, double lambda2Real, double lambda2Imaginary, double lambda2Modulus, int states) {
    }

    /** τ of {@code m} ({@code n × n}, row-major), every row used. */
    public static Result of(double[] m, int n) {
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        return of(m, n, all);
    }

    /** τ of the visited block of {@code m}. */
    public static Result of(double[] m, int n, boolean[] visited) {
        VisitedBlock block = VisitedBlock.of(m, n, visited);
        int k = block.size();
        if (k < 2) {
            return new Result(0.0, 0.0, 0.0, 0.0, k);
        }
        Spectrum s;
        try {
            s = Spectrum.of(block.matrix(), k);
        } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
            // Commons Math's Schur iteration does not converge on some nearly decomposable matrices
            // (seen on bits:6…11 MNIST models): fall back to deflated power iteration for |λ₂| alone.
            double mod = secondModulus(block.matrix(), k);
            return new Result(tau(mod), Double.NaN, Double.NaN, mod, k);
        }
        // λ₁ = 1 is the eigenvalue nearest to 1; λ₂ the largest in modulus among the others
        int one = 0;
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double dist = StrictMath.hypot(s.real()[j] - 1, s.imaginary()[j]);
            if (dist < nearest) {
                nearest = dist;
                one = j;
            }
        }
        int two = one == 0 ? 1 : 0;
        double mod = s.modulus(two);
        return new Result(tau(mod), s.real()[two], s.imaginary()[two], mod, k);
    }

    /**
     * {@code |λ₂|} of a row-stochastic {@code m} without an eigen decomposition: the growth rate of
     * {@code v ← M v − 1 (π·v)}, i.e. power iteration on {@code M} with the eigenvalue 1 deflated by
     * its left vector π. The log growth is averaged over the second half of the steps, which also
     * averages out the rotation of a complex pair (error O(1/steps)); the number of steps is
     * {@code 2e8 / k²} clamped to [2000, 50000], so the fallback costs at most about a second.
     */
    static double secondModulus(double[] m, int k) {
        final int steps = (int) Math.max(2000, Math.min(50_000, 2e8 / ((double) k * k)));
        double[] pi = new double[k];
        double[] next = new double[k];
        java.util.Arrays.fill(pi, 1.0 / k);
        for (int it = 0; it < Math.min(steps, 5000); it++) {
            java.util.Arrays.fill(next, 0);
            for (int a = 0; a < k; a++) {
                double pa = pi[a];
                for (int b = 0; b < k; b++) {
                    next[b] += pa * m[a * k + b];
                }
            }
            double tot = 0;
            for (double v : next) {
                tot += v;
            }
            for (int b = 0; b < k; b++) {
                pi[b] = next[b] / tot;
            }
        }
        double[] v = new double[k];
        for (int a = 0; a < k; a++) {
            v[a] = StrictMath.sin(a + 1.0);
        }
        double logGrowth = 0;
        int counted = 0;
        for (int it = 0; it < steps; it++) {
            double proj = 0;
            for (int a = 0; a < k; a++) {
                proj += pi[a] * v[a];
            }
            for (int a = 0; a < k; a++) {
                v[a] -= proj;
            }
            double before = norm(v);
            if (before == 0) {
                return 0;
            }
            for (int a = 0; a < k; a++) {
                v[a] /= before;
            }
            multiply(m, k, v, next);
            System.arraycopy(next, 0, v, 0, k);
            proj = 0;
            for (int a = 0; a < k; a++) {
                proj += pi[a] * v[a];
            }
            for (int a = 0; a < k; a++) {
                v[a] -= proj;
            }
            double after = norm(v);
            if (after == 0) {
                return 0;
            }
            if (it >= steps / 2) {
                logGrowth += StrictMath.log(after);
                counted++;
            }
        }
        return Math.min(1.0, StrictMath.exp(logGrowth / counted));
    }

    /**
     * {@code out = m v}, each row's sum in ascending column order from 0 (the bits of the plain loop); four
     * rows at a time, so that four independent chains of additions share the pipeline instead of one
     * waiting for the latency of each add.
     */
    static void multiply(double[] m, int k, double[] v, double[] out) {
        int a = 0;
        for (; a + 3 < k; a += 4) {
            int r0 = a * k;
            int r1 = r0 + k;
            int r2 = r1 + k;
            int r3 = r2 + k;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int b = 0; b < k; b++) {
                double vb = v[b];
                s0 += m[r0 + b] * vb;
                s1 += m[r1 + b] * vb;
                s2 += m[r2 + b] * vb;
                s3 += m[r3 + b] * vb;
            }
            out[a] = s0;
            out[a + 1] = s1;
            out[a + 2] = s2;
            out[a + 3] = s3;
        }
        for (; a < k; a++) {
            double s = 0;
            for (int b = 0; b < k; b++) {
                s += m[a * k + b] * v[b];
            }
            out[a] = s;
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** {@code −1 / ln|λ|} (Eq. 23), {@code +∞} for {@code |λ| ≥ 1 − 1e-12}, 0 for {@code |λ| ≤ 1e-12}. */
    public static double tau(double modulus) {
        if (modulus >= 1 - UNIT_TOLERANCE) {
            return Double.POSITIVE_INFINITY;
        }
        if (modulus <= ZERO_TOLERANCE) {
            return 0.0;
        }
        return -1.0 / StrictMath.log(modulus);
    }
}
