package org.nelc.analysis.transition;

import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.model.ModelView;
import org.nelc.core.math.LogMath;

/**
 * What the analysis reads from a model over and over, computed once: the logit bias
 * {@code b = ā − w̄·c} (the centering of Eq. 17 folded in) and {@code w̄} transposed, so that the logits
 * of a sparse visible state are {@code u = b + Σ_{i active} w̄[:, i]}; and the visible field
 * {@code h = a + Σ_{β active in z} w[:, β]} of a latent state (Eq. 10). A snapshot: build a new one
 * after the parameters change.
 */
public final class KernelTables {
    private final int dimension;
    private final int units;
    private final LatentKernel latent;
    private final VisibleKernel visible;
    private final double[] bias;
    private final double[] wbarT;
    private final double[] w;
    private final double[] a;

    public KernelTables(ModelView model) {
        this.dimension = model.visibleSize();
        this.latent = model.latent();
        this.visible = model.visible();
        this.units = latent.units();
        this.bias = new double[units];
        this.wbarT = new double[dimension * units];
        this.w = model.w().clone();
        this.a = model.a().clone();
        double[] wbar = model.wbar();
        double[] abar = model.abar();
        double[] c = model.centering();
        for (int b = 0; b < units; b++) {
            double s = abar[b];
            int row = b * dimension;
            for (int i = 0; i < dimension; i++) {
                s -= wbar[row + i] * c[i];
                wbarT[i * units + b] = wbar[row + i];
            }
            bias[b] = s;
        }
    }

    public int dimension() {
        return dimension;
    }

    public int units() {
        return units;
    }

    public int states() {
        return latent.states();
    }

    public LatentKernel latent() {
        return latent;
    }

    public VisibleKernel visible() {
        return visible;
    }

    /** Logits {@code u = w̄·(x − c) + ā} of the x→z kernel for the 1-bits {@code active[0 … n−1]}. */
    public void logits(int[] active, int n, double[] u, int uOff) {
        int l = units;
        System.arraycopy(bias, 0, u, uOff, l);
        for (int j = 0; j < n; j++) {
            int row = active[j] * l;
            for (int b = 0; b < l; b++) {
                u[uOff + b] += wbarT[row + b];
            }
        }
    }

    /**
     * The logits at the mean of a product-Bernoulli law with natural parameters {@code eta} (pixel
     * {@code i} is 1 with probability {@code sigmoid(eta_i)}): {@code E[u] = b + Σ_i sigmoid(eta_i) w̄[:, i]}
     * into {@code u[0 … L−1]} (exact: u is linear in x).
     */
    public void meanLogits(double[] eta, double[] u) {
        int l = units;
        System.arraycopy(bias, 0, u, 0, l);
        for (int i = 0; i < dimension; i++) {
            double m = LogMath.sigmoid(eta[i]);
            int row = i * l;
            for (int b = 0; b < l; b++) {
                u[b] += m * wbarT[row + b];
            }
        }
    }

    /**
     * The covariance of the logits under a product-Bernoulli law with natural parameters {@code eta}:
     * {@code Cov[u] = Σ_i m_i (1 − m_i) w̄[:, i] w̄[:, i]ᵀ}, {@code m_i = sigmoid(eta_i)}, into {@code cov}
     * ({@code L × L}, row-major) — the Jacobian of {@link #meanLogits} with respect to a tilt {@code θ}.
     */
    public void logitCovariance(double[] eta, double[] cov) {
        int l = units;
        java.util.Arrays.fill(cov, 0, l * l, 0.0);
        for (int i = 0; i < dimension; i++) {
            double m = LogMath.sigmoid(eta[i]);
            double v = m * (1 - m);
            int row = i * l;
            for (int b = 0; b < l; b++) {
                double wb = v * wbarT[row + b];
                for (int c = 0; c < l; c++) {
                    cov[b * l + c] += wb * wbarT[row + c];
                }
            }
        }
    }

    /**
     * {@code g = w̄ᵀθ} ({@code g_i = Σ_β θ_β w̄[β, i]}) into {@code g[0 … D−1]}, and returns {@code θ·b}: then
     * {@code θ·u(x) = θ·b + Σ_{i∈x} g_i} — how a tilt {@code exp(θ·u(x))} of a product law over x shifts
     * each pixel's field.
     */
    public double pixelShift(double[] theta, double[] g) {
        int l = units;
        for (int i = 0; i < dimension; i++) {
            double s = 0;
            int row = i * l;
            for (int b = 0; b < l; b++) {
                s += theta[b] * wbarT[row + b];
            }
            g[i] = s;
        }
        double tb = 0;
        for (int b = 0; b < l; b++) {
            tb += theta[b] * bias[b];
        }
        return tb;
    }

    /**
     * The visible field {@code h} of latent state {@code s} into {@code h[0 … D−1]}; returns
     * {@code Σ_i logPartition(h_i)}, so that {@code log A_{sx} = Σ_{i∈x} h_i − (returned value)}.
     * {@code scratch} holds at least {@code units()} ints.
     */
    public double field(int s, double[] h, int[] scratch) {
        int d = dimension;
        int l = units;
        System.arraycopy(a, 0, h, 0, d);
        int k = latent.activeUnits(s, scratch);
        for (int j = 0; j < k; j++) {
            int b = scratch[j];
            for (int i = 0; i < d; i++) {
                h[i] += w[i * l + b];
            }
        }
        double lz = 0;
        for (int i = 0; i < d; i++) {
            lz += visible.logPartition(h[i]);
        }
        return lz;
    }

    /**
     * As {@link #field}, then each {@code h_i} replaced by the kernel's natural parameter
     * {@code η(h_i)} (nothing to do for a canonical kernel), so that
     * {@code log A_{sx} = Σ_{i∈x} η_i − (returned value)} for any z→x kernel.
     */
    public double naturalField(int s, double[] eta, int[] scratch) {
        double lz = field(s, eta, scratch);
        if (!visible.canonical()) {
            for (int i = 0; i < dimension; i++) {
                eta[i] = visible.natural(eta[i]);
            }
        }
        return lz;
    }
}
