package org.nelc.core.likelihood;

import org.nelc.api.data.Dataset;
import org.nelc.core.kernel.VisibleTables;
import org.nelc.core.math.SparseSums;
import org.nelc.core.model.Model;

/**
 * {@code log p(x) = log Σ_z p̄(z) A_{zx}} (Eq. 5) for every data point, given latent weights
 * {@code p̄} (SPEC §6). States with zero weight are skipped; the rest are processed in blocks of
 * {@value #BLOCK} with a running log-sum-exp per data point, so memory stays {@code O(BLOCK·D + N)}
 * even for {@code 2^L} states.
 *
 * <p>The fields and log-partitions come from {@link VisibleTables} (one exp and one log1p per distinct
 * field value); a block's fields are stored pixel-major, {@code h[i·bp + k]}, so that a data point's
 * active pixels add {@value #LANES} states at a time in registers. Every sum keeps its order (pixels
 * ascending, states ascending), so the bits are those of the straightforward loops.
 */
public final class LogLikelihood {
    static final int BLOCK = 256;
    static final int LANES = 8;

    private LogLikelihood() {
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
        int positive = 0;
        for (double w : weights) {
            if (w > 0) {
                positive++;
            }
        }
        int blockSize = Math.max(1, Math.min(BLOCK, positive));
        int bp = (blockSize + LANES - 1) / LANES * LANES;
        double[] h = new double[bp * d];
        double[] offset = new double[bp];
        double[] v = new double[bp];
        VisibleTables tables = new VisibleTables(model);
        int s = 0;
        while (s < states) {
            int b = 0;
            for (; s < states && b < blockSize; s++) {
                if (weights[s] <= 0) {
                    continue;
                }
                int slot = tables.slot(s);
                double[] field = tables.natural(slot);
                for (int i = 0; i < d; i++) {
                    h[i * bp + b] = field[i];
                }
                offset[b] = StrictMath.log(weights[s]) - tables.logPartition(slot);
                b++;
            }
            for (int m = 0; m < n; m++) {
                int[] act = data.active(m);
                SparseSums.basePlusRows(offset, h, bp, b, act, v);
                double mx = max[m];
                double sm = sum[m];
                for (int k = 0; k < b; k++) {
                    double vk = v[k];
                    if (vk <= mx) {
                        sm += StrictMath.exp(vk - mx);
                    } else {
                        sm = sm * StrictMath.exp(mx - vk) + 1.0;
                        mx = vk;
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
