package org.nelc.core.likelihood;

import org.nelc.api.data.Dataset;
import org.nelc.core.kernel.VisibleTables;
import org.nelc.core.math.SparseSums;
import org.nelc.core.model.Model;

/**
 * {@code log p(x) = log Σ_z p̄(z) A_{zx}} (Eq. 5) for every data point, given latent weights
 * {@code p̄} (docs/model.md §6). States with zero weight are skipped; the rest are processed in blocks of
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
        int n = data.size();
        double[] max = new double[n];
        double[] sum = new double[n];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        forEachBlock(model, data, weights, (m, v, b, block) -> {
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
        });
        double[] out = new double[n];
        for (int m = 0; m < n; m++) {
            out[m] = max[m] + StrictMath.log(sum[m]);
        }
        return out;
    }

    /**
     * The mean log-likelihood's derivative by each state's weight, {@code ∂/∂p̄(z) mean_x log p(x) =
     * mean_x A_{zx} / p(x)}, for the states of positive weight (0 elsewhere), given {@code logP = }
     * {@link #perPoint}{@code (model, data, weights)}. One more pass of the same cost: it turns a change of
     * the occupancy into the change of the LL to first order (the sparse evaluation's Monte-Carlo error,
     * docs/uncertainty.md).
     */
    public static double[] sensitivity(Model model, Dataset data, double[] weights, double[] logP) {
        double[] g = new double[weights.length];
        double invN = 1.0 / data.size();
        forEachBlock(model, data, weights, (m, v, b, block) -> {
            for (int k = 0; k < b; k++) {
                int z = block[k];
                // v = log p̄(z) + log A_{zx}
                g[z] += StrictMath.exp(v[k] - StrictMath.log(weights[z]) - logP[m]) * invN;
            }
        });
        return g;
    }

    /** What one block of states gives one data point. */
    @FunctionalInterface
    private interface BlockSink {
        /** {@code v[k] = log p̄(z) + log A_{zx}} of data point {@code m} for {@code z = block[k]}, {@code k < b}. */
        void accept(int m, double[] v, int b, int[] block);
    }

    /**
     * The states of positive weight in blocks of {@value #BLOCK}, ascending; for each block every data point
     * in order, its {@code log p̄(z) + log A_{zx}} handed to {@code sink}.
     */
    private static void forEachBlock(Model model, Dataset data, double[] weights, BlockSink sink) {
        int states = model.latent().states();
        if (weights.length != states) {
            throw new IllegalArgumentException(weights.length + " weights for " + states + " states");
        }
        int d = model.visibleSize();
        if (data.dimension() != d) {
            throw new IllegalArgumentException("data dimension " + data.dimension() + " != model " + d);
        }
        int n = data.size();
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
        int[] block = new int[bp];
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
                block[b] = s;
                b++;
            }
            for (int m = 0; m < n; m++) {
                SparseSums.basePlusRows(offset, h, bp, b, data.active(m), v);
                sink.accept(m, v, b, block);
            }
        }
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
