package org.nelc.core.reference;

import java.util.Arrays;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.core.model.Model;

/**
 * What a chain needs from the model, computed once per gradient step: the logit bias
 * {@code b = ā − w̄·c} (centering folded in), {@code w̄} transposed so that a sparse visible state
 * reads contiguous memory, and for each latent state the pixel thresholds
 * {@code ⌊2^32 · mean(h_i)⌋} against which 32-bit uniforms are compared. Thresholds are filled
 * lazily (a bits encoding has {@code 2^L} states, few of them visited in one step).
 */
final class ReferenceChainKernels {
    private static final double TWO32 = 4294967296.0;
    private static final int CACHE_LIMIT = 4096;

    private final LatentKernel latent;
    private final int units;
    private final int dimension;
    private final double[] bias;
    private final double[] wbarT;
    private final long[][] thresholds;
    private final boolean[] valid;
    private final long[] scratchThresholds;
    private final double[] h;
    private final int[] scratchUnits;
    private Model model;

    ReferenceChainKernels(Model model) {
        this.latent = model.latent();
        this.units = model.units();
        this.dimension = model.visibleSize();
        this.bias = new double[units];
        this.wbarT = new double[dimension * units];
        int states = latent.states();
        this.thresholds = states <= CACHE_LIMIT ? new long[states][] : null;
        this.valid = states <= CACHE_LIMIT ? new boolean[states] : null;
        this.scratchThresholds = new long[dimension];
        this.h = new double[dimension];
        this.scratchUnits = new int[units];
        refresh(model);
    }

    LatentKernel latent() {
        return latent;
    }

    int units() {
        return units;
    }

    void refresh(Model m) {
        this.model = m;
        double[] wbar = m.wbar();
        double[] abar = m.abar();
        double[] c = m.centering();
        int d = dimension;
        for (int b = 0; b < units; b++) {
            double s = abar[b];
            int row = b * d;
            for (int i = 0; i < d; i++) {
                s -= wbar[row + i] * c[i];
                wbarT[i * units + b] = wbar[row + i];
            }
            bias[b] = s;
        }
        if (valid != null) {
            Arrays.fill(valid, false);
        }
    }

    /** {@code u = b + Σ_{i active} w̄[:, i]} into {@code u[uOff … uOff+L−1]}. */
    void logits(int[] active, int n, double[] u, int uOff) {
        int l = units;
        System.arraycopy(bias, 0, u, uOff, l);
        for (int j = 0; j < n; j++) {
            int row = active[j] * l;
            for (int b = 0; b < l; b++) {
                u[uOff + b] += wbarT[row + b];
            }
        }
    }

    long[] thresholds(int state) {
        if (thresholds != null) {
            long[] t = thresholds[state];
            if (t == null) {
                t = new long[dimension];
                thresholds[state] = t;
            }
            if (!valid[state]) {
                fill(state, t);
                valid[state] = true;
            }
            return t;
        }
        fill(state, scratchThresholds);
        return scratchThresholds;
    }

    private void fill(int state, long[] t) {
        model.field(state, h, scratchUnits);
        var vk = model.visible();
        for (int i = 0; i < dimension; i++) {
            t[i] = (long) (vk.mean(h[i]) * TWO32);
        }
    }
}
