package org.nelc.analysis.baseline;

import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.model.ModelView;
import org.nelc.core.likelihood.LogLikelihood;

/**
 * The exact log-likelihood of an equilibrium RBM {@code p(x,z) ∝ exp(xᵀwz + aᵀx + āᵀz)} (docs/model.md §8),
 * by its closed-form partition function over the latent states:
 * <pre>
 *   log Z    = log Σ_z exp(ā·z) Π_i (1 + e^{h_i(z)}),           h(z) = w z + a
 *   log p(x) = a·x + log Σ_z exp(u·z) − log Z,                   u = wᵀx + ā
 * </pre>
 * The sum over {@code z} in {@code log p(x)} is the normalizer of the x→z kernel, read from the kernel
 * itself ({@code log Σ_z e^{u·z} = u·z(s) − log Ā(s|u)} for any state {@code s}), so it costs
 * {@code O(L·|x|)} per data point for one-hot (log-sum-exp) and bits (Σ softplus) alike; {@code log Z}
 * costs {@code O(D)} per latent state (bits: consecutive states in Gray-code order differ in one unit,
 * so each field is one column add away from the previous). Limits: {@value #MAX_STATES} latent
 * states (bits up to L = 20: 2^20 · D softplus evaluations, measured 45 s at D = 784; bits:16 2 s).
 *
 * <p>The model must be an RBM — {@code w̄ = wᵀ}, no centering, and a kernel whose {@code Ā(z|u)} is
 * {@code ∝ e^{u·z}} (one-hot softmax, bits): only then is the chain's stationary law this {@code p(x)}.
 * {@link #check} says why a model is not one.
 */
public final class RbmLikelihood {
    /** Largest number of latent states summed over in {@code log Z}. */
    public static final int MAX_STATES = 1 << 20;
    /** Gray-code fields are recomputed from scratch this often, so rounding does not accumulate. */
    static final int REFRESH = 1024;

    private RbmLikelihood() {
    }

    /** Null when {@code model} is an equilibrium RBM, else the reason it is not. */
    public static String whyNotRbm(ModelView model) {
        LatentKernel latent = model.latent();
        boolean rbmKernel = ("one-hot".equals(latent.encoding()) && "softmax".equals(latent.normalization()))
                || "bits".equals(latent.encoding());
        if (!rbmKernel) {
            // no commas: the reason travels into CSV notes (sweep collect) as one field
            return "its x->z kernel (" + latent.encoding() + " " + latent.normalization() + ") is not an RBM "
                    + "conditional (one-hot needs softmax)";
        }
        if (!model.visible().canonical()) {
            return "its z->x kernel (" + model.visible().name() + ") is not the canonical Bernoulli one";
        }
        int d = model.visibleSize();
        int l = latent.units();
        for (int i = 0; i < d; i++) {
            if (model.centering()[i] != 0) {
                return "it has a centering vector";
            }
            for (int b = 0; b < l; b++) {
                if (model.w()[i * l + b] != model.wbar()[b * d + i]) {
                    return "w-bar is not w^T (w[" + i + "][" + b + "] != w-bar[" + b + "][" + i + "])";
                }
            }
        }
        return null;
    }

    /** Throws a {@link UserError} naming the reason when {@code model} is not an RBM or too large. */
    public static void check(ModelView model) {
        String why = whyNotRbm(model);
        if (why != null) {
            throw new UserError("RBM log-likelihood: the model is not an equilibrium RBM: " + why);
        }
        if (model.latent().states() > MAX_STATES) {
            throw new UserError("RBM log-likelihood: " + model.latent().states() + " latent states are more than the "
                    + MAX_STATES + " (bits:20) summed over exactly");
        }
    }

    /**
     * {@code log Z = log Σ_z exp(ā·z + Σ_i logPartition(h_i(z)))}; also writes the unnormalized
     * {@code log p̄(z)} of each state into {@code logMarginal} when it is not null.
     */
    public static double logPartition(ModelView model, double[] logMarginal) {
        check(model);
        LatentKernel latent = model.latent();
        VisibleKernel vk = model.visible();
        int d = model.visibleSize();
        int l = latent.units();
        int states = latent.states();
        double[] w = model.w();
        double[] a = model.a();
        double[] abar = model.abar();
        double[] h = new double[d];
        int[] units = new int[l];
        boolean gray = "bits".equals(latent.encoding());
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int previous = 0;
        for (int k = 0; k < states; k++) {
            int s = gray ? k ^ (k >>> 1) : k;
            if (!gray || k % REFRESH == 0) {
                System.arraycopy(a, 0, h, 0, d);
                int n = latent.activeUnits(s, units);
                for (int j = 0; j < n; j++) {
                    addColumn(w, units[j], l, h, 1.0);
                }
            } else {
                int flipped = Integer.numberOfTrailingZeros(s ^ previous);
                addColumn(w, flipped, l, h, ((s >>> flipped) & 1) != 0 ? 1.0 : -1.0);
            }
            previous = s;
            double v = 0;
            int n = latent.activeUnits(s, units);
            for (int j = 0; j < n; j++) {
                v += abar[units[j]];
            }
            for (int i = 0; i < d; i++) {
                v += vk.logPartition(h[i]);
            }
            if (logMarginal != null) {
                logMarginal[s] = v;
            }
            if (v <= max) {
                sum += StrictMath.exp(v - max);
            } else {
                sum = sum * StrictMath.exp(max - v) + 1.0;
                max = v;
            }
        }
        return max + StrictMath.log(sum);
    }

    private static void addColumn(double[] w, int b, int l, double[] h, double sign) {
        for (int i = 0; i < h.length; i++) {
            h[i] += sign * w[i * l + b];
        }
    }

    /** The exact latent marginal {@code p̄(z) = Σ_x p(x,z)} of every state. */
    public static double[] latentMarginal(ModelView model) {
        double[] lm = new double[model.latent().states()];
        double logZ = logPartition(model, lm);
        for (int s = 0; s < lm.length; s++) {
            lm[s] = StrictMath.exp(lm[s] - logZ);
        }
        return lm;
    }

    /** Exact {@code log p(x)} of every row of {@code data}, nats. */
    public static double[] perPoint(ModelView model, Dataset data) {
        double logZ = logPartition(model, null);
        return perPoint(model, data, logZ);
    }

    /** Exact {@code log p(x)} of every row given {@code log Z} (from {@link #logPartition}). */
    public static double[] perPoint(ModelView model, Dataset data, double logZ) {
        int d = model.visibleSize();
        if (data.dimension() != d) {
            throw new IllegalArgumentException("data dimension " + data.dimension() + " != model " + d);
        }
        LatentKernel latent = model.latent();
        int l = latent.units();
        double[] w = model.w();
        double[] a = model.a();
        double[] abar = model.abar();
        double[] u = new double[l];
        double[] z0 = new double[l];
        latent.state(0, z0);
        double[] out = new double[data.size()];
        for (int m = 0; m < data.size(); m++) {
            int[] act = data.active(m);
            System.arraycopy(abar, 0, u, 0, l);
            double ax = 0;
            for (int i : act) {
                ax += a[i];
                int row = i * l;
                for (int b = 0; b < l; b++) {
                    u[b] += w[row + b];
                }
            }
            double uz = 0;
            for (int b = 0; b < l; b++) {
                uz += u[b] * z0[b];
            }
            out[m] = ax + uz - latent.logProb(u, 0, 0) - logZ;
        }
        return out;
    }

    /** Mean ± standard error over the rows of the exact {@code log p(x)}. */
    public static LogLikelihood.Summary summary(ModelView model, Dataset data) {
        return LogLikelihood.summarize(perPoint(model, data));
    }
}
