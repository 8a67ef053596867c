package org.nelc.core.chain;

import org.nelc.api.kernel.LatentKernel;
import org.nelc.core.model.Model;

/**
 * What a chain needs from the x→z side of the model, computed once per call: the logit bias
 * {@code b = ā − w̄·c} (centering folded in) and {@code w̄} transposed, each pixel's row padded to a
 * multiple of {@value #LANES} units, so that a sparse visible state reads contiguous memory and the
 * logits of up to {@value #LANES} units are summed in registers. (The z→x side — pixel thresholds per
 * latent state — lives in {@link org.nelc.core.kernel.VisibleTables}, shared with the gradient.)
 */
final class ChainKernels {
    static final int LANES = 8;

    private final LatentKernel latent;
    private final int units;
    private final int stride;
    private final int dimension;
    private final double[] bias;
    private final double[] wbarT;

    ChainKernels(Model model) {
        this.latent = model.latent();
        this.units = model.units();
        this.stride = (units + LANES - 1) / LANES * LANES;
        this.dimension = model.visibleSize();
        this.bias = new double[stride];
        this.wbarT = new double[dimension * stride];
        refresh(model);
    }

    LatentKernel latent() {
        return latent;
    }

    int units() {
        return units;
    }

    /** Reads {@code w̄}, {@code ā} and {@code c} of {@code m} (same shapes). */
    void refresh(Model m) {
        double[] wbar = m.wbar();
        double[] abar = m.abar();
        double[] c = m.centering();
        int d = dimension;
        int sp = stride;
        for (int b = 0; b < units; b++) {
            double s = abar[b];
            int row = b * d;
            for (int i = 0; i < d; i++) {
                s -= wbar[row + i] * c[i];
                wbarT[i * sp + b] = wbar[row + i];
            }
            bias[b] = s;
        }
    }

    /**
     * {@code u = b + Σ_{i active} w̄[:, i]} into {@code u[uOff … uOff+L−1]}, each unit's sum taken in the
     * order of {@code active} (ascending pixels) as before; units are done {@value #LANES} at a time in
     * local variables (padding lanes add zeros and are dropped).
     */
    void logits(int[] active, int n, double[] u, int uOff) {
        int sp = stride;
        double[] wt = wbarT;
        for (int b0 = 0; b0 < units; b0 += LANES) {
            double u0 = bias[b0];
            double u1 = bias[b0 + 1];
            double u2 = bias[b0 + 2];
            double u3 = bias[b0 + 3];
            double u4 = bias[b0 + 4];
            double u5 = bias[b0 + 5];
            double u6 = bias[b0 + 6];
            double u7 = bias[b0 + 7];
            for (int j = 0; j < n; j++) {
                int r = active[j] * sp + b0;
                u0 += wt[r];
                u1 += wt[r + 1];
                u2 += wt[r + 2];
                u3 += wt[r + 3];
                u4 += wt[r + 4];
                u5 += wt[r + 5];
                u6 += wt[r + 6];
                u7 += wt[r + 7];
            }
            int lanes = Math.min(LANES, units - b0);
            int o = uOff + b0;
            u[o] = u0;
            if (lanes > 1) {
                u[o + 1] = u1;
            }
            if (lanes > 2) {
                u[o + 2] = u2;
            }
            if (lanes > 3) {
                u[o + 3] = u3;
            }
            if (lanes > 4) {
                u[o + 4] = u4;
            }
            if (lanes > 5) {
                u[o + 5] = u5;
            }
            if (lanes > 6) {
                u[o + 6] = u6;
            }
            if (lanes > 7) {
                u[o + 7] = u7;
            }
        }
    }
}
