package org.nelc.analysis.evaluate;

import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.api.UserError;

/**
 * What fixes an evaluation besides the model and data: the seed (every random stream comes from
 * {@code SeedTree.root(seed).child("evaluate")}), the chain length {@code T} after a burn-in (SPEC §6:
 * {@code T = 1e5}), and the draws per row of the Rao-Blackwellized matrix.
 */
public record EvaluationOptions(long seed, int chainLength, int burnIn, int rbSamples) {
    public static final int DEFAULT_CHAIN_LENGTH = 100_000;
    public static final int DEFAULT_BURN_IN = 1000;

    public EvaluationOptions {
        if (chainLength < 2) {
            throw new UserError("--chain-length: must be at least 2, got " + chainLength);
        }
        if (burnIn < 0) {
            throw new UserError("--burn-in: must be non-negative, got " + burnIn);
        }
        if (rbSamples < 1) {
            throw new UserError("--rb-samples: must be at least 1, got " + rbSamples);
        }
    }

    /** The defaults: {@code T = 100 000}, burn-in 1000, 2000 draws per row. */
    public static EvaluationOptions defaults(long seed) {
        return new EvaluationOptions(seed, DEFAULT_CHAIN_LENGTH, DEFAULT_BURN_IN, RaoBlackwellEstimator.DEFAULT_SAMPLES);
    }
}
