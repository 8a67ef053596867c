package org.nelc.analysis.spectrum;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The eigenvalues of a (generally nonsymmetric) square matrix, sorted by modulus, largest first (moduli
 * equal to 1e-12 are ties: larger real part first, then larger imaginary part). Commons Math's {@link EigenDecomposition}
 * reduces to real Schur form; complex eigenvalues come in conjugate pairs.
 *
 * @param real real parts
 * @param imaginary imaginary parts
 */
public record Spectrum(double[] real, double[] imaginary) {
    /** The eigenvalues of {@code m} ({@code n × n}, row-major). */
    public static Spectrum of(double[] m, int n) {
        if (n == 0) {
            return new Spectrum(new double[0], new double[0]);
        }
        double[][] a = new double[n][n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(m, r * n, a[r], 0, n);
        }
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
        double[] re = e.getRealEigenvalues();
        double[] im = e.getImagEigenvalues();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(k -> -modulusKey(re[k], im[k]))
                .thenComparingDouble(k -> -re[k]).thenComparingDouble(k -> -im[k]));
        double[] sr = new double[n];
        double[] si = new double[n];
        for (int k = 0; k < n; k++) {
            sr[k] = re[order[k]];
            si[k] = im[order[k]];
        }
        return new Spectrum(sr, si);
    }

    /** The modulus rounded to 1e-12, so that rounding noise does not reorder eigenvalues of equal modulus. */
    private static long modulusKey(double re, double im) {
        return Math.round(StrictMath.hypot(re, im) * 1e12);
    }

    public int size() {
        return real.length;
    }

    /** {@code |λ_k|} of the k-th eigenvalue in this order. */
    public double modulus(int k) {
        return StrictMath.hypot(real[k], imaginary[k]);
    }
}
