package org.nelc.core.gradient;

import java.util.Arrays;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.model.ModelView;
import org.nelc.core.math.LogMath;

/**
 * The usual gradient of the equilibrium RBM {@code p(x,z) ∝ exp(xᵀwz + aᵀx + āᵀz)} (SPEC §8), by
 * persistent contrastive divergence: data term minus model term,
 * <pre>
 *   ∂w_{iβ} : ⟨x_i E[z_β|x]⟩_batch − ⟨x'_i(t) E[z_β|x'(t)]⟩_t      ∂a_i : ⟨x_i⟩_batch − ⟨x'_i(t)⟩_t
 *   ∂ā_β    : ⟨E[z_β|x]⟩_batch    − ⟨E[z_β|x'(t)]⟩_t
 * </pre>
 * with the model term from the persistent chain's visible states {@code x'(t)} and the latent
 * expectation in place of the sampled {@code z(t)} (Rao-Blackwell: same mean, less variance).
 *
 * <p>The parameters are tied, {@code w̄ = wᵀ} and {@code w̄}'s logits equal {@code wᵀx + ā}: this
 * estimator writes the same number into {@code ∂w[i·L+β]} and {@code ∂w̄[β·D+i]}, so an element-wise
 * optimizer (SGD, RMSprop, Adam) keeps the two copies bit-identical. It refuses a model whose copies
 * differ or that has a centering vector: that model is not an RBM and the gradient would be wrong.
 * For one-hot {@code a} is absorbed in {@code w} (Eq. 20): its gradient is 0.
 *
 * <p>{@code E[z|u]} comes from the kernel's exact score factor: an RBM's {@code Ā(z|u) ∝ e^{u·z}} is an
 * exponential family in {@code u} with statistic {@code z}, so {@code ∂ log Ā(s|u)/∂u = z(s) − E[z|u]}
 * for every state {@code s} (one-hot softmax: the softmax; bits: {@code sigmoid(u)}).
 *
 * <p>The returned on-the-fly log-likelihood is SPEC §6's {@code mean_x log((1/T) Σ_t A_{z(t)x})}, as
 * for the two-step estimator, so {@code history.csv} means the same for both models.
 */
public final class RbmPcdEstimator implements GradientEstimator {
    public static final String NAME = "rbm-pcd";
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "equilibrium RBM (tied w-bar = w^T, no centering): data term minus PCD model term, Rao-Blackwellized";
    }

    @Override
    public double estimate(ModelView model, Dataset data, int[] batch, ChainRecord chain, ScoreFactor score,
            double[][] grad) {
        int d = model.visibleSize();
        LatentKernel latent = model.latent();
        int l = latent.units();
        int len = chain.length();
        int n = batch.length;
        if (len < 1 || n < 1) {
            throw new IllegalArgumentException("empty chain record (" + len + ") or batch (" + n + ")");
        }
        if (data.dimension() != d) {
            throw new IllegalArgumentException("data dimension " + data.dimension() + " != model " + d);
        }
        checkRbm(model);
        Workspace ws = WORKSPACE.get();
        ws.ensure(l, len);
        latent.state(0, ws.z0);
        double[] w = model.w();
        double[] abar = model.abar();
        double[] gw = grad[ModelView.W];
        double[] ga = grad[ModelView.A];
        double[] gabar = grad[ModelView.ABAR];
        Arrays.fill(gw, 0.0);
        Arrays.fill(ga, 0.0);
        Arrays.fill(gabar, 0.0);

        // data term: x E[z|x], logits u = wᵀx + ā
        double invN = 1.0 / n;
        for (int m = 0; m < n; m++) {
            int[] act = data.active(batch[m]);
            System.arraycopy(abar, 0, ws.u, 0, l);
            for (int i : act) {
                int row = i * l;
                for (int b = 0; b < l; b++) {
                    ws.u[b] += w[row + b];
                }
            }
            latentMean(latent, ws.u, 0, ws, invN);
            accumulate(act, 0, act.length, ws.ez, invN, gw, ga, gabar);
        }

        // model term: x'(t) E[z|x'(t)], the chain's recorded logits (= wᵀx'(t) + ā: tied, no centering)
        double invT = 1.0 / len;
        double[] logits = chain.logits();
        int[] start = chain.activeStart();
        int[] idx = chain.activeIndices();
        for (int t = 0; t < len; t++) {
            latentMean(latent, logits, t * l, ws, -invT);
            accumulate(idx, start[t], start[t + 1], ws.ez, -invT, gw, ga, gabar);
        }
        if (!latent.trainsVisibleBias()) {
            Arrays.fill(ga, 0.0);
        }
        double[] gwbar = grad[ModelView.WBAR];
        for (int i = 0; i < d; i++) {
            int row = i * l;
            for (int b = 0; b < l; b++) {
                gwbar[b * d + i] = gw[row + b];
            }
        }
        return onTheFlyLogLikelihood(model, data, batch, chain, ws);
    }

    /** {@code scale · E[z|u]} into {@code ws.ez} (via the exact score, see the class comment). */
    private static void latentMean(LatentKernel latent, double[] u, int uOff, Workspace ws, double scale) {
        latent.score(u, uOff, 0, ScoreFactor.EXACT, ws.score, 0);
        for (int b = 0; b < ws.ez.length; b++) {
            ws.ez[b] = scale * (ws.z0[b] - ws.score[b]);
        }
    }

    /**
     * For the visible state with 1-bits {@code act[from … to−1]}: adds {@code x ezᵀ} to ∂w, {@code scale}
     * to ∂a at its 1-bits and {@code ez} to ∂ā ({@code ez} is already multiplied by {@code scale}).
     */
    private static void accumulate(int[] act, int from, int to, double[] ez, double scale, double[] gw, double[] ga,
            double[] gabar) {
        int l = ez.length;
        for (int b = 0; b < l; b++) {
            gabar[b] += ez[b];
        }
        for (int j = from; j < to; j++) {
            int row = act[j] * l;
            for (int b = 0; b < l; b++) {
                gw[row + b] += ez[b];
            }
            ga[act[j]] += scale;
        }
    }

    /** Throws unless {@code w̄ = wᵀ} exactly and the centering is 0. */
    static void checkRbm(ModelView model) {
        int d = model.visibleSize();
        int l = model.latent().units();
        double[] c = model.centering();
        for (int i = 0; i < d; i++) {
            if (c[i] != 0) {
                throw new IllegalArgumentException(NAME + ": the model has a centering vector (c[" + i + "] = " + c[i]
                        + "); an RBM has none (train it with --model rbm)");
            }
        }
        double[] w = model.w();
        double[] wbar = model.wbar();
        for (int i = 0; i < d; i++) {
            for (int b = 0; b < l; b++) {
                if (Double.doubleToLongBits(w[i * l + b]) != Double.doubleToLongBits(wbar[b * d + i])) {
                    throw new IllegalArgumentException(NAME + ": w̄[" + b + "," + i + "] = " + wbar[b * d + i]
                            + " differs from w[" + i + "," + b + "] = " + w[i * l + b] + "; the RBM needs tied weights "
                            + "(train it with --model rbm and an element-wise optimizer)");
                }
            }
        }
    }

    /** SPEC §6: {@code mean_x log((1/T) Σ_t A_{z(t)x})}, grouping the record's entries by state. */
    private static double onTheFlyLogLikelihood(ModelView model, Dataset data, int[] batch, ChainRecord chain,
            Workspace ws) {
        int d = model.visibleSize();
        int l = model.latent().units();
        int len = chain.length();
        int[] states = chain.states();
        // distinct states and their counts: sort a copy, run-length
        System.arraycopy(states, 0, ws.sorted, 0, len);
        Arrays.sort(ws.sorted, 0, len);
        int groups = 0;
        for (int t = 0; t < len; t++) {
            if (groups == 0 || ws.sorted[t] != ws.groupState[groups - 1]) {
                ws.groupState[groups] = ws.sorted[t];
                ws.groupCount[groups] = 0;
                groups++;
            }
            ws.groupCount[groups - 1]++;
        }
        ws.ensureGroups(groups, d);
        double[] w = model.w();
        double[] a = model.a();
        VisibleKernel vk = model.visible();
        LatentKernel latent = model.latent();
        for (int g = 0; g < groups; g++) {
            int off = g * d;
            System.arraycopy(a, 0, ws.h, off, d);
            int k = latent.activeUnits(ws.groupState[g], ws.units);
            for (int j = 0; j < k; j++) {
                int b = ws.units[j];
                for (int i = 0; i < d; i++) {
                    ws.h[off + i] += w[i * l + b];
                }
            }
            double lz = 0;
            for (int i = 0; i < d; i++) {
                lz += vk.logPartition(ws.h[off + i]);
            }
            ws.logWeight[g] = StrictMath.log(ws.groupCount[g]) - lz;
        }
        double ll = 0;
        double logLen = StrictMath.log(len);
        for (int m = 0; m < batch.length; m++) {
            int[] act = data.active(batch[m]);
            for (int g = 0; g < groups; g++) {
                double s = ws.logWeight[g];
                int off = g * d;
                for (int i : act) {
                    s += ws.h[off + i];
                }
                ws.s[g] = s;
            }
            ll += LogMath.logSumExp(ws.s, 0, groups) - logLen;
        }
        return ll / batch.length;
    }

    /** Per-thread buffers, grown as needed and never shrunk: no allocation per step. */
    private static final class Workspace {
        double[] u = new double[0];
        double[] z0 = new double[0];
        double[] score = new double[0];
        double[] ez = new double[0];
        int[] units = new int[0];
        int[] sorted = new int[0];
        int[] groupState = new int[0];
        double[] groupCount = new double[0];
        double[] h = new double[0];
        double[] logWeight = new double[0];
        double[] s = new double[0];

        void ensure(int l, int len) {
            if (u.length != l) {
                u = new double[l];
                z0 = new double[l];
                score = new double[l];
                ez = new double[l];
                units = new int[l];
            }
            if (sorted.length < len) {
                sorted = new int[len];
                groupState = new int[len];
                groupCount = new double[len];
            }
        }

        void ensureGroups(int groups, int d) {
            if (h.length < groups * d) {
                h = new double[groups * d];
            }
            if (logWeight.length < groups) {
                logWeight = new double[groups];
                s = new double[groups];
            }
        }
    }
}
