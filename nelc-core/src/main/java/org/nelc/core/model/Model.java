package org.nelc.core.model;

import java.util.Objects;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.model.ModelView;

/**
 * The parameters {@code θ = (w, a, w̄, ā)} of one model with its two kernels and the centering vector
 * {@code c} (docs/model.md §1–2), in the flat layout of {@link ModelView}. Mutable: the trainer updates the
 * blocks in place through {@link #blocks()}.
 */
public final class Model implements ModelView {
    private final int visibleSize;
    private final LatentKernel latent;
    private final VisibleKernel visible;
    private final double[] centering;
    private final double[][] blocks;

    /** A model with all parameters 0. */
    public Model(int visibleSize, LatentKernel latent, VisibleKernel visible, double[] centering) {
        if (visibleSize < 1) {
            throw new IllegalArgumentException("visible size " + visibleSize);
        }
        if (centering.length != visibleSize) {
            throw new IllegalArgumentException("centering length " + centering.length + " != " + visibleSize);
        }
        this.visibleSize = visibleSize;
        this.latent = Objects.requireNonNull(latent);
        this.visible = Objects.requireNonNull(visible);
        this.centering = centering.clone();
        int l = latent.units();
        this.blocks = new double[][] {
            new double[visibleSize * l], new double[visibleSize], new double[l * visibleSize], new double[l]};
    }

    /** Sizes of the four blocks for these dimensions. */
    public static int[] blockSizes(int visibleSize, int units) {
        return new int[] {visibleSize * units, visibleSize, units * visibleSize, units};
    }

    public int[] blockSizes() {
        return blockSizes(visibleSize, latent.units());
    }

    @Override
    public int visibleSize() {
        return visibleSize;
    }

    public int units() {
        return latent.units();
    }

    @Override
    public LatentKernel latent() {
        return latent;
    }

    @Override
    public VisibleKernel visible() {
        return visible;
    }

    @Override
    public double[] w() {
        return blocks[W];
    }

    @Override
    public double[] a() {
        return blocks[A];
    }

    @Override
    public double[] wbar() {
        return blocks[WBAR];
    }

    @Override
    public double[] abar() {
        return blocks[ABAR];
    }

    @Override
    public double[] centering() {
        return centering;
    }

    /** The live blocks {w, a, wbar, abar} for optimizers. */
    public double[][] blocks() {
        return blocks;
    }

    /** A deep copy sharing the (stateless) kernels. */
    public Model copy() {
        Model m = new Model(visibleSize, latent, visible, centering);
        for (int k = 0; k < blocks.length; k++) {
            System.arraycopy(blocks[k], 0, m.blocks[k], 0, blocks[k].length);
        }
        return m;
    }

    /** Name of the first non-finite parameter ({@code "wbar[3]"}), or null when all are finite. */
    public String firstNonFinite() {
        for (int k = 0; k < blocks.length; k++) {
            double[] b = blocks[k];
            for (int i = 0; i < b.length; i++) {
                if (!Double.isFinite(b[i])) {
                    return BLOCKS[k] + "[" + i + "]";
                }
            }
        }
        return null;
    }

    /** Copies {@code w̄ = wᵀ} (the equilibrium tie of docs/model.md §8). */
    public void tieLatentToVisible() {
        int l = units();
        double[] w = w();
        double[] wbar = wbar();
        for (int i = 0; i < visibleSize; i++) {
            for (int b = 0; b < l; b++) {
                wbar[b * visibleSize + i] = w[i * l + b];
            }
        }
    }

    /**
     * The visible field {@code h = a + Σ_{β active in s} w[:, β]} of latent state {@code s} into
     * {@code h[0 … D−1]}; {@code scratch} holds at least {@code units()} ints.
     */
    public void field(int s, double[] h, int[] scratch) {
        int l = units();
        double[] w = w();
        System.arraycopy(a(), 0, h, 0, visibleSize);
        int k = latent.activeUnits(s, scratch);
        for (int j = 0; j < k; j++) {
            int b = scratch[j];
            for (int i = 0; i < visibleSize; i++) {
                h[i] += w[i * l + b];
            }
        }
    }

    /**
     * {@code log A_{s x}} for the 0/1 vector with 1-bits {@code active}, given the field {@code h} of
     * state {@code s} and its {@code logPartition = Σ_i logPartition(h_i)} (Eq. 10, in log space).
     */
    public static double logA(double[] h, double logPartition, int[] active) {
        double s = 0;
        for (int i : active) {
            s += h[i];
        }
        return s - logPartition;
    }

    /** {@code Σ_i logPartition(h_i)}. */
    public double logPartition(double[] h) {
        double s = 0;
        for (int i = 0; i < visibleSize; i++) {
            s += visible.logPartition(h[i]);
        }
        return s;
    }

    /**
     * The logits {@code u = w̄·(x − c) + ā} of the x→z kernel (Eq. 17's centering) for the 0/1 vector
     * with 1-bits {@code active}, into {@code u[uOff … uOff+L−1]}.
     */
    public void logits(int[] active, int nActive, double[] u, int uOff) {
        int l = units();
        int d = visibleSize;
        double[] wbar = wbar();
        double[] abar = abar();
        for (int b = 0; b < l; b++) {
            double s = abar[b];
            int row = b * d;
            for (int i = 0; i < d; i++) {
                s -= wbar[row + i] * centering[i];
            }
            for (int j = 0; j < nActive; j++) {
                s += wbar[row + active[j]];
            }
            u[uOff + b] = s;
        }
    }
}
