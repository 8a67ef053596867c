package org.nelc.analysis.entropy;

/**
 * Probability flows {@code J_{z'z} = p̄(z') M_{z'z}} and net currents {@code K_{z'z} = J_{z'z} − J_{zz'}}
 * of a latent transition matrix (docs/model.md §7). {@code K} is antisymmetric; it vanishes iff detailed balance
 * holds. Matrices are row-major {@code n × n}.
 */
public final class ProbabilityCurrents {
    private ProbabilityCurrents() {
    }

    /** {@code J_{z'z} = p̄(z') M_{z'z}}. */
    public static double[] flows(double[] m, double[] p, int n) {
        double[] j = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                j[a * n + b] = p[a] * m[a * n + b];
            }
        }
        return j;
    }

    /** {@code K_{z'z} = J_{z'z} − J_{zz'}}. */
    public static double[] currents(double[] m, double[] p, int n) {
        double[] k = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                k[a * n + b] = p[a] * m[a * n + b] - p[b] * m[b * n + a];
            }
        }
        return k;
    }
}
