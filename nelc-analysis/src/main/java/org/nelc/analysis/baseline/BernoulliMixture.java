package org.nelc.analysis.baseline;

import org.nelc.api.data.Dataset;
import org.nelc.core.kernel.BernoulliKernel;
import org.nelc.core.latent.OneHotEncoding;
import org.nelc.core.math.LogMath;
import org.nelc.core.model.Model;

/**
 * A mixture of {@code K} product-Bernoulli distributions, {@code p(x) = Σ_k π_k Π_i μ_ki^{x_i}
 * (1 − μ_ki)^{1−x_i}} — what a one-hot model's {@code p(x) = Σ_α p̄(α) A_{αx}} is (docs/model.md §8), so the best
 * such mixture bounds the model's likelihood.
 *
 * <p>Layout: {@code means[k * D + i] = μ_ki} ∈ (0, 1), {@code weights[k] = π_k} (sum 1).
 */
public record BernoulliMixture(int dimension, double[] weights, double[] means) {
    public BernoulliMixture {
        if (means.length != weights.length * dimension) {
            throw new IllegalArgumentException(means.length + " means for " + weights.length + " x " + dimension);
        }
        weights = weights.clone();
        means = means.clone();
    }

    public int components() {
        return weights.length;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    public double weight(int k) {
        return weights[k];
    }

    public double mean(int k, int i) {
        return means[k * dimension + i];
    }

    /** Exact {@code log p(x)} of every row of {@code data}, nats (log space throughout). */
    public double[] logLikelihoods(Dataset data) {
        if (data.dimension() != dimension) {
            throw new IllegalArgumentException("data dimension " + data.dimension() + " != mixture " + dimension);
        }
        Terms t = terms();
        double[] out = new double[data.size()];
        double[] s = new double[components()];
        for (int n = 0; n < data.size(); n++) {
            out[n] = t.logJoint(data.active(n), s);
        }
        return out;
    }

    /**
     * The mixture as the one-hot RBM it is (docs/model.md §8): {@code w_{iα} = logit(μ_αi)}, {@code w̄ = wᵀ},
     * {@code a = 0}, no centering, softmax, and {@code ā_α = log π_α − Σ_i softplus(w_{iα})}, so that the
     * RBM's latent marginal {@code p̄(α) ∝ e^{ā_α} Π_i (1 + e^{w_{iα}})} is {@code π_α} and its visible
     * marginal is this mixture. Every Bernoulli mixture is thus a one-hot RBM (EM finds the
     * maximum-likelihood one), and its Gibbs chain is reversible. A weight of 0 becomes
     * {@code ā_α = log(Double.MIN_NORMAL) − Σ softplus} (finite, probability below 1e-300).
     */
    public Model asRbm() {
        int k = components();
        Model m = new Model(dimension, new OneHotEncoding().create(k, OneHotEncoding.SOFTMAX), new BernoulliKernel(),
                new double[dimension]);
        double[] w = m.w();
        double[] abar = m.abar();
        for (int c = 0; c < k; c++) {
            double sp = 0;
            for (int i = 0; i < dimension; i++) {
                double v = LogMath.logit(means[c * dimension + i]);
                w[i * k + c] = v;
                sp += LogMath.softplus(v);
            }
            abar[c] = StrictMath.log(Math.max(weights[c], Double.MIN_NORMAL)) - sp;
        }
        m.tieLatentToVisible();
        return m;
    }

    /** {@code log π_k + Σ_i log(1 − μ_ki)} and {@code logit μ_ki} (at {@code i·K + k}). */
    Terms terms() {
        int k = components();
        double[] base = new double[k];
        double[] logit = new double[dimension * k];
        for (int c = 0; c < k; c++) {
            double b = StrictMath.log(weights[c]);
            for (int i = 0; i < dimension; i++) {
                double mu = means[c * dimension + i];
                b += StrictMath.log1p(-mu);
                logit[i * k + c] = LogMath.logit(mu);
            }
            base[c] = b;
        }
        return new Terms(k, base, logit);
    }

    /** The per-component constants of {@code log π_k p_k(x) = base_k + Σ_{i∈x} logit_ki}. */
    record Terms(int components, double[] base, double[] logit) {
        /** {@code log π_k p_k(x)} for every k into {@code s}; returns {@code log p(x)}. */
        double logJoint(int[] active, double[] s) {
            int k = components;
            System.arraycopy(base, 0, s, 0, k);
            for (int i : active) {
                int row = i * k;
                for (int c = 0; c < k; c++) {
                    s[c] += logit[row + c];
                }
            }
            return LogMath.logSumExp(s, 0, k);
        }
    }
}
