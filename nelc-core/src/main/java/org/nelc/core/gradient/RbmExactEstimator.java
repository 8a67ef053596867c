package org.nelc.core.gradient;

import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.model.ModelView;

/**
 * The exact log-likelihood gradient of the equilibrium RBM (docs/model.md §8) on a minibatch: the data term of
 * {@link RbmPcdEstimator} minus the model term computed by enumerating the latent states,
 * <pre>
 *   p̄(z) ∝ exp(ā·z + Σ_i softplus(h_i(z))),  h(z) = wz + a
 *   ⟨x_i z_β⟩ = Σ_z p̄(z) z_β sigmoid(h_i(z)),  ⟨x_i⟩ = Σ_z p̄(z) sigmoid(h_i(z)),  ⟨z_β⟩ = Σ_z p̄(z) z_β
 * </pre>
 * — no chain, no mixing problem: what the equilibrium model reaches when its negative phase is exact.
 * Cost per step {@code O(S·D·L)} for {@code S} latent states (one-hot: L; bits: 2^L, at most
 * {@value #MAX_STATES}). The chain still runs (the trainer records it) and gives the on-the-fly
 * log-likelihood. Tied copies get the same gradient, as with {@link RbmPcdEstimator}.
 */
public final class RbmExactEstimator implements GradientEstimator {
    public static final String NAME = "rbm-exact";
    /** Largest latent space enumerated at every step (bits:12). */
    public static final int MAX_STATES = 4096;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "equilibrium RBM: data term minus the exact model term (latent states enumerated; one-hot, bits up to 12)";
    }

    @Override
    public double estimate(ModelView model, Dataset data, int[] batch, ChainRecord chain, ScoreFactor score,
            double[][] grad) {
        RbmTerms terms = RbmTerms.dataTerm(NAME, model, data, batch, grad);
        terms.subtractExactTerm(MAX_STATES);
        terms.finish();
        return terms.onTheFlyLogLikelihood(data, batch, chain);
    }
}
