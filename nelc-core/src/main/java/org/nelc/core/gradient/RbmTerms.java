package org.nelc.core.gradient;

import java.util.Arrays;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.model.ModelView;
import org.nelc.core.math.LogMath;

/**
 * The pieces of the RBM gradient shared by {@link RbmPcdEstimator} and {@link RbmExactEstimator}: the
 * data term, the two ways of subtracting the model term, the copy of ∂w into ∂w̄, and SPEC §6's
 * on-the-fly log-likelihood. One instance per thread holds the buffers (no allocation per step).
 *
 * <p>{@code E[z|u]} comes from the kernel's exact score factor: an RBM's {@code Ā(z|u) ∝ e^{u·z}} is an
 * exponential family in {@code u} with statistic {@code z}, so {@code ∂ log Ā(s|u)/∂u = z(s) − E[z|u]}
 * for every state {@code s} (one-hot softmax: the softmax; bits: {@code sigmoid(u)}).
 */
final class RbmTerms {
    private static final ThreadLocal<RbmTerms> PER_THREAD = ThreadLocal.withInitial(RbmTerms::new);

    private ModelView model;
    private double[][] grad;
    private double[] u = new double[0];
    private double[] z0 = new double[0];
    private double[] score = new double[0];
    private double[] ez = new double[0];
    private int[] units = new int[0];
    private int[] sorted = new int[0];
    private int[] groupState = new int[0];
    private double[] groupCount = new double[0];
    private double[] h = new double[0];
    private double[] logWeight = new double[0];
    private double[] s = new double[0];
    private double[] logMarginal = new double[0];

    private RbmTerms() {
    }

    /**
     * Checks that {@code model} is an RBM, zeroes {@code grad} and adds the data term
     * {@code ⟨x E[z|x]ᵀ⟩_batch} (∂w), {@code ⟨x⟩} (∂a), {@code ⟨E[z|x]⟩} (∂ā).
     */
    static RbmTerms dataTerm(String estimator, ModelView model, Dataset data, int[] batch, double[][] grad) {
        int d = model.visibleSize();
        if (batch.length < 1) {
            throw new IllegalArgumentException("empty batch");
        }
        if (data.dimension() != d) {
            throw new IllegalArgumentException("data dimension " + data.dimension() + " != model " + d);
        }
        checkRbm(estimator, model);
        RbmTerms t = PER_THREAD.get();
        t.model = model;
        t.grad = grad;
        LatentKernel latent = model.latent();
        int l = latent.units();
        if (t.u.length != l) {
            t.u = new double[l];
            t.z0 = new double[l];
            t.score = new double[l];
            t.ez = new double[l];
            t.units = new int[l];
        }
        latent.state(0, t.z0);
        for (int b = 0; b < 4; b++) {
            Arrays.fill(grad[b], 0.0);
        }
        double[] w = model.w();
        double[] abar = model.abar();
        double invN = 1.0 / batch.length;
        for (int row : batch) {
            int[] act = data.active(row);
            System.arraycopy(abar, 0, t.u, 0, l);
            for (int i : act) {
                int off = i * l;
                for (int b = 0; b < l; b++) {
                    t.u[b] += w[off + b];
                }
            }
            t.latentMean(t.u, 0, invN);
            t.accumulate(act, 0, act.length, invN);
        }
        return t;
    }

    /** Subtracts the model term estimated on the chain: {@code ⟨x'(t) E[z|x'(t)]ᵀ⟩_t} (Rao-Blackwellized). */
    void subtractChainTerm(ChainRecord chain) {
        int l = model.latent().units();
        int len = chain.length();
        double invT = 1.0 / len;
        double[] logits = chain.logits();
        int[] start = chain.activeStart();
        int[] idx = chain.activeIndices();
        for (int t = 0; t < len; t++) {
            // the chain's recorded logits are wᵀx'(t) + ā: tied weights, no centering
            latentMean(logits, t * l, -invT);
            accumulate(idx, start[t], start[t + 1], -invT);
        }
    }

    /**
     * Subtracts the exact model term by enumerating the latent states: with
     * {@code p̄(z) ∝ exp(ā·z + Σ_i logPartition(h_i(z)))} and {@code μ(z) = mean(h(z))},
     * {@code ⟨x zᵀ⟩ = Σ_z p̄(z) μ(z) zᵀ}, {@code ⟨x⟩ = Σ_z p̄(z) μ(z)}, {@code ⟨z⟩ = Σ_z p̄(z) z}.
     */
    void subtractExactTerm(int maxStates) {
        LatentKernel latent = model.latent();
        int states = latent.states();
        if (states > maxStates) {
            throw new UserError("--gradient " + RbmExactEstimator.NAME + ": " + states + " latent states are too many "
                    + "to enumerate at every step (at most " + maxStates + "); use rbm-pcd");
        }
        int d = model.visibleSize();
        int l = latent.units();
        VisibleKernel vk = model.visible();
        double[] abar = model.abar();
        if (h.length < d) {
            h = new double[d];
        }
        if (logMarginal.length < states) {
            logMarginal = new double[states];
        }
        for (int z = 0; z < states; z++) {
            field(z);
            double v = 0;
            for (int i = 0; i < d; i++) {
                v += vk.logPartition(h[i]);
            }
            int k = latent.activeUnits(z, units);
            for (int j = 0; j < k; j++) {
                v += abar[units[j]];
            }
            logMarginal[z] = v;
        }
        double logZ = LogMath.logSumExp(logMarginal, 0, states);
        double[] gw = grad[ModelView.W];
        double[] ga = grad[ModelView.A];
        double[] gabar = grad[ModelView.ABAR];
        for (int z = 0; z < states; z++) {
            double p = StrictMath.exp(logMarginal[z] - logZ);
            if (p == 0) {
                continue;
            }
            field(z);
            int k = latent.activeUnits(z, units);
            for (int j = 0; j < k; j++) {
                gabar[units[j]] -= p;
            }
            for (int i = 0; i < d; i++) {
                double pm = p * vk.mean(h[i]);
                ga[i] -= pm;
                int off = i * l;
                for (int j = 0; j < k; j++) {
                    gw[off + units[j]] -= pm;
                }
            }
        }
    }

    /** Copies ∂w into ∂w̄ (same number for the tied copies), zeroes ∂a for one-hot (Eq. 20). */
    void finish() {
        int d = model.visibleSize();
        int l = model.latent().units();
        if (!model.latent().trainsVisibleBias()) {
            Arrays.fill(grad[ModelView.A], 0.0);
        }
        double[] gw = grad[ModelView.W];
        double[] gwbar = grad[ModelView.WBAR];
        for (int i = 0; i < d; i++) {
            int off = i * l;
            for (int b = 0; b < l; b++) {
                gwbar[b * d + i] = gw[off + b];
            }
        }
    }

    /** The visible field {@code h = a + Σ_{β∈z} w[:, β]} of state {@code z} into {@code h}. */
    private void field(int z) {
        int d = model.visibleSize();
        int l = model.latent().units();
        double[] w = model.w();
        System.arraycopy(model.a(), 0, h, 0, d);
        int k = model.latent().activeUnits(z, units);
        for (int j = 0; j < k; j++) {
            int b = units[j];
            for (int i = 0; i < d; i++) {
                h[i] += w[i * l + b];
            }
        }
    }

    /** {@code scale · E[z|u]} into {@code ez}. */
    private void latentMean(double[] logits, int off, double scale) {
        model.latent().score(logits, off, 0, ScoreFactor.EXACT, score, 0);
        for (int b = 0; b < ez.length; b++) {
            ez[b] = scale * (z0[b] - score[b]);
        }
    }

    /**
     * For the visible state with 1-bits {@code act[from … to−1]}: adds {@code x ezᵀ} to ∂w, {@code scale}
     * to ∂a at its 1-bits and {@code ez} to ∂ā ({@code ez} is already multiplied by {@code scale}).
     */
    private void accumulate(int[] act, int from, int to, double scale) {
        double[] gw = grad[ModelView.W];
        double[] ga = grad[ModelView.A];
        double[] gabar = grad[ModelView.ABAR];
        int l = ez.length;
        for (int b = 0; b < l; b++) {
            gabar[b] += ez[b];
        }
        for (int j = from; j < to; j++) {
            int off = act[j] * l;
            for (int b = 0; b < l; b++) {
                gw[off + b] += ez[b];
            }
            ga[act[j]] += scale;
        }
    }

    /** Throws unless {@code w̄ = wᵀ} exactly and the centering is 0. */
    static void checkRbm(String estimator, ModelView model) {
        if (!model.visible().canonical()) {
            throw new org.nelc.api.UserError(estimator + ": the RBM's free energy needs the canonical z->x kernel "
                    + "(bernoulli), got --visible-kernel " + model.visible().name());
        }
        int d = model.visibleSize();
        int l = model.latent().units();
        double[] c = model.centering();
        for (int i = 0; i < d; i++) {
            if (c[i] != 0) {
                throw new IllegalArgumentException(estimator + ": the model has a centering vector (c[" + i + "] = "
                        + c[i] + "); an RBM has none (train it with --model rbm)");
            }
        }
        double[] w = model.w();
        double[] wbar = model.wbar();
        for (int i = 0; i < d; i++) {
            for (int b = 0; b < l; b++) {
                if (Double.doubleToLongBits(w[i * l + b]) != Double.doubleToLongBits(wbar[b * d + i])) {
                    throw new IllegalArgumentException(estimator + ": w̄[" + b + "," + i + "] = " + wbar[b * d + i]
                            + " differs from w[" + i + "," + b + "] = " + w[i * l + b] + "; the RBM needs tied weights "
                            + "(train it with --model rbm and an element-wise optimizer)");
                }
            }
        }
    }

    /** SPEC §6: {@code mean_x log((1/T) Σ_t A_{z(t)x})}, grouping the record's entries by state. */
    double onTheFlyLogLikelihood(Dataset data, int[] batch, ChainRecord chain) {
        int d = model.visibleSize();
        int l = model.latent().units();
        int len = chain.length();
        if (len < 1) {
            throw new IllegalArgumentException("empty chain record");
        }
        if (sorted.length < len) {
            sorted = new int[len];
            groupState = new int[len];
            groupCount = new double[len];
        }
        System.arraycopy(chain.states(), 0, sorted, 0, len);
        Arrays.sort(sorted, 0, len);
        int groups = 0;
        for (int t = 0; t < len; t++) {
            if (groups == 0 || sorted[t] != groupState[groups - 1]) {
                groupState[groups] = sorted[t];
                groupCount[groups] = 0;
                groups++;
            }
            groupCount[groups - 1]++;
        }
        if (h.length < groups * d) {
            h = new double[groups * d];
        }
        if (logWeight.length < groups) {
            logWeight = new double[groups];
            s = new double[groups];
        }
        double[] w = model.w();
        double[] a = model.a();
        VisibleKernel vk = model.visible();
        LatentKernel latent = model.latent();
        for (int g = 0; g < groups; g++) {
            int off = g * d;
            System.arraycopy(a, 0, h, off, d);
            int k = latent.activeUnits(groupState[g], units);
            for (int j = 0; j < k; j++) {
                int b = units[j];
                for (int i = 0; i < d; i++) {
                    h[off + i] += w[i * l + b];
                }
            }
            double lz = 0;
            for (int i = 0; i < d; i++) {
                lz += vk.logPartition(h[off + i]);
            }
            logWeight[g] = StrictMath.log(groupCount[g]) - lz;
        }
        double ll = 0;
        double logLen = StrictMath.log(len);
        for (int row : batch) {
            int[] act = data.active(row);
            for (int g = 0; g < groups; g++) {
                double v = logWeight[g];
                int off = g * d;
                for (int i : act) {
                    v += h[off + i];
                }
                s[g] = v;
            }
            ll += LogMath.logSumExp(s, 0, groups) - logLen;
        }
        return ll / batch.length;
    }
}
