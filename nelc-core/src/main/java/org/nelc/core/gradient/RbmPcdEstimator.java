package org.nelc.core.gradient;

import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.model.ModelView;

/**
 * The usual gradient of the equilibrium RBM {@code p(x,z) ∝ exp(xᵀwz + aᵀx + āᵀz)} (docs/model.md §8), by
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
 * <p>The returned on-the-fly log-likelihood is docs/model.md §6's {@code mean_x log((1/T) Σ_t A_{z(t)x})}, as
 * for the two-step estimator, so {@code history.csv} means the same for both models.
 */
public final class RbmPcdEstimator implements GradientEstimator {
    public static final String NAME = "rbm-pcd";

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
        if (chain.length() < 1) {
            throw new IllegalArgumentException("empty chain record");
        }
        RbmTerms terms = RbmTerms.dataTerm(NAME, model, data, batch, grad);
        terms.subtractChainTerm(chain);
        terms.finish();
        return terms.onTheFlyLogLikelihood(data, batch, chain);
    }
}
