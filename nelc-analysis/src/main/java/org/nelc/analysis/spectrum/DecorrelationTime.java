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
        Spectrum s = Spectrum.of(block.matrix(), k);
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
