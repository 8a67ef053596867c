package org.nelc.core.reference;

import org.nelc.api.data.Dataset;
import org.nelc.core.model.Model;

/**
 * {@code log p(x) = log Σ_z p̄(z) A_{zx}} (Eq. 5) for every data point, given latent weights
 * {@code p̄} (docs/model.md §6). States with zero weight are skipped; the rest are processed in blocks of
 * {@value #BLOCK} with a running log-sum-exp per data point, so memory stays {@code O(BLOCK·D + N)}
 * even for {@code 2^L} states.
 */
public final class ReferenceLogLikelihood {
    static final int BLOCK = 256;

    private ReferenceLogLikelihood() {
    }

    /** Per-point {@code log p(x)} in nats. */
    public static double[] perPoint(Model model, Dataset data, double[] weights) {
        int states = model.latent().states();
        if (weights.length != states) {
            throw new IllegalArgumentException(weights.length + " weights for " + states + " states");
        }
        int d = model.visibleSize();
        if (data.dimension() != d) {
            throw new IllegalArgumentException("data dimension " + data.dimension() + " != model " + d);
        }
        int n = data.size();
        double[] max = new double[n];
        double[] sum = new double[n];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double[] h = new double[BLOCK * d];
        double[] offset = new double[BLOCK];
        int[] scratch = new int[model.units()];
        double[] field = new double[d];
        int s = 0;
        while (s < states) {
            int b = 0;
            for (; s < states && b < BLOCK; s++) {
                if (weights[s] <= 0) {
                    continue;
                }
                model.field(s, field, scratch);
                System.arraycopy(field, 0, h, b * d, d);
                offset[b] = StrictMath.log(weights[s]) - model.logPartition(field);
                b++;
            }
            for (int m = 0; m < n; m++) {
                int[] act = data.active(m);
                double mx = max[m];
                double sm = sum[m];
                for (int k = 0; k < b; k++) {
                    double v = offset[k];
                    int off = k * d;
                    for (int i : act) {
                        v += h[off + i];
                    }
                    if (v <= mx) {
                        sm += StrictMath.exp(v - mx);
                    } else {
                        sm = sm * StrictMath.exp(mx - v) + 1.0;
                        mx = v;
                    }
                }
                max[m] = mx;
                sum[m] = sm;
            }
        }
        double[] out = new double[n];
        for (int m = 0; m < n; m++) {
            out[m] = max[m] + StrictMath.log(sum[m]);
        }
        return out;
    }

    /** Mean and standard error over data points of {@code log p(x)}. */
    public static Summary summarize(double[] perPoint) {
        int n = perPoint.length;
        double mean = 0;
        for (double v : perPoint) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : perPoint) {
            var += (v - mean) * (v - mean);
        }
        double se = n > 1 ? Math.sqrt(var / (n - 1) / n) : Double.NaN;
        return new Summary(mean, se, n);
    }

    /** Mean log-likelihood in nats per image, its standard error over data points, and the count. */
    public record Summary(double mean, double standardError, int points) {
    }
}
