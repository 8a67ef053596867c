package org.nelc.api.gradient;

import org.nelc.api.Named;
import org.nelc.api.data.Dataset;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.model.ModelView;

/**
 * An approximation of the log-likelihood gradient from a minibatch and a recorded chain segment
 * (SPEC §4). It owns no randomness: the same inputs give the same bits.
 */
public interface GradientEstimator extends Named {
    /**
     * Writes the ascent direction averaged over the minibatch into {@code grad} (blocks in the order
     * of {@link ModelView#BLOCKS}, same sizes as the parameters; overwritten, not accumulated).
     *
     * @param batch row indices into {@code data}
     * @return the on-the-fly log-likelihood of the minibatch, {@code mean_x log((1/T) Σ_t A_{z(t) x})}
     *     (SPEC §6), in nats per image
     */
    double estimate(ModelView model, Dataset data, int[] batch, ChainRecord chain, ScoreFactor score,
            double[][] grad);
}
