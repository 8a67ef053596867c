package org.nelc.analysis.transition;

import org.nelc.api.diagnostic.TransitionEstimate;
import org.nelc.api.model.ModelView;

/**
 * One way of estimating the latent transition matrix {@code M_{z'z}} (Eq. 3) of a model from a long
 * latent trajectory of its chain. An estimator owns whatever randomness it needs (seeded at
 * construction), so the same inputs give the same matrix.
 */
public interface TransitionEstimator {
    /** Largest number of latent states an estimate is built for: the matrix is dense, states². */
    int MAX_STATES = 2048;

    /** The stable name, {@code "count"} or {@code "rao-blackwell"}, that {@code DiagnosticContext} uses. */
    String name();

    /**
     * @param model the model whose chain produced {@code trajectory}
     * @param trajectory latent states {@code z(0), z(1), …} (state indices) after burn-in
     * @throws org.nelc.api.UserError when the model has more than {@link #MAX_STATES} latent states
     */
    TransitionEstimate estimate(ModelView model, int[] trajectory);

    /**
     * The estimate with its jackknife replicates, from which every derived number gets its standard
     * error ({@code DiagnosticContext.measure}). Its {@code estimate()} equals {@link #estimate}'s.
     */
    ReplicatedEstimate estimateWithReplicates(ModelView model, int[] trajectory);

    /** Refuses state spaces too large for a dense matrix, naming the model's latent size. */
    static void checkStates(ModelView model) {
        int states = model.latent().states();
        if (states > MAX_STATES) {
            throw new org.nelc.api.UserError("transition matrix: the model has " + states + " latent states ("
                    + model.latent().encoding() + ":" + model.latent().units() + "); dense estimates are limited to "
                    + MAX_STATES + " states");
        }
    }
}
