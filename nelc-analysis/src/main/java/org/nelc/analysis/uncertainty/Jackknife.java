package org.nelc.analysis.uncertainty;

/**
 * The delete-one jackknife: with {@code K} estimates {@code f_k}, each computed without the {@code k}-th
 * of {@code K} independent parts of the input, the standard error of {@code f} on all of it is
 * {@code sqrt((K−1)/K · Σ_k (f_k − f̄)²)} (Efron & Stein; exact for a mean, first-order for a smooth
 * function of means — σ, τ, KL, the log-likelihood of an occupancy all are). With {@code K = 20} the
 * error estimate itself has about {@code 1/sqrt(2(K−1)) ≈ 16 %} relative uncertainty, so
 * {@code (estimate − truth)/s.e.} follows roughly a Student t with {@code K − 1} degrees of freedom.
 */
public final class Jackknife {
    private Jackknife() {
    }

    /**
     * The jackknife standard error of the replicates; NaN when there are fewer than two or any is not
     * finite (a function undefined on part of the data has no error estimate of this kind).
     */
    public static double standardError(double[] replicates) {
        int k = replicates.length;
        if (k < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double r : replicates) {
            if (!Double.isFinite(r)) {
                return Double.NaN;
            }
            mean += r;
        }
        mean /= k;
        double ss = 0;
        for (double r : replicates) {
            ss += (r - mean) * (r - mean);
        }
        return Math.sqrt(ss * (k - 1) / k);
    }

    /** How many replicates are not finite. */
    public static int undefined(double[] replicates) {
        int u = 0;
        for (double r : replicates) {
            if (!Double.isFinite(r)) {
                u++;
            }
        }
        return u;
    }
}
