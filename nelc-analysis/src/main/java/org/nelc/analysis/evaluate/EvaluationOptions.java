package org.nelc.analysis.evaluate;

import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.api.UserError;

/**
 * What fixes an evaluation besides the model and data: the seed (every random stream comes from
 * {@code SeedTree.root(seed).child("evaluate")}), the chain length {@code T} after a burn-in (SPEC §6:
 * {@code T = 1e5}), the draws per row the Rao-Blackwellized matrix starts with, and the precision:
 * the draws per row double until σ's relative standard error is at most {@code precision}, or until
 * {@code maxRbSamples} (docs/uncertainty.md). {@code precision = 0} fixes the draws at {@code rbSamples}.
 */
public record EvaluationOptions(long seed, int chainLength, int burnIn, int rbSamples, double precision,
        int maxRbSamples) {
    public static final int DEFAULT_CHAIN_LENGTH = 100_000;
    public static final int DEFAULT_BURN_IN = 1000;
    /** The evaluation's memory per chain step: the latent trajectory, one int (the burn-in keeps none). */
    static final int TRAJECTORY_BYTES_PER_STEP = Integer.BYTES;

    /**
     * The longest chain this JVM can evaluate, checked before any work: the trajectory in at most half
     * the heap (the rest for the data, the model and the diagnostics' tables).
     */
    public static int maxChainLength() {
        return (int) Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 2 / TRAJECTORY_BYTES_PER_STEP);
    }

    public EvaluationOptions {
        if (chainLength < 2) {
            throw new UserError("--chain-length: must be at least 2, got " + chainLength);
        }
        if (chainLength > maxChainLength()) {
            throw new UserError("--chain-length: at most " + maxChainLength() + " in this JVM (the trajectory keeps "
                    + TRAJECTORY_BYTES_PER_STEP + " bytes a step, within half of the " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB heap; JAVA_OPTS=-Xmx… raises it), got " + chainLength);
        }
        if (burnIn < 0 || burnIn > maxChainLength()) {
            throw new UserError("--burn-in: must be between 0 and " + maxChainLength() + " (the longest chain this "
                    + "JVM can evaluate), got " + burnIn);
        }
        if (rbSamples < 1) {
            throw new UserError("--rb-samples: must be at least 1, got " + rbSamples);
        }
        if (precision != 0 && !(precision > 0 && precision < 1)) {
            throw new UserError("--precision: must be between 0 and 1 (exclusive), got " + precision);
        }
        maxRbSamples = Math.max(rbSamples, maxRbSamples);
    }

    /** The default precision ({@value RaoBlackwellEstimator#DEFAULT_PRECISION}) and cap. */
    public EvaluationOptions(long seed, int chainLength, int burnIn, int rbSamples) {
        this(seed, chainLength, burnIn, rbSamples, RaoBlackwellEstimator.DEFAULT_PRECISION,
                RaoBlackwellEstimator.DEFAULT_MAX_SAMPLES);
    }

    /** The same options with another precision target (0: fixed draws). */
    public EvaluationOptions withPrecision(double relative) {
        return new EvaluationOptions(seed, chainLength, burnIn, rbSamples, relative, maxRbSamples);
    }

    /**
     * Parses a {@code --precision} value: a number strictly between 0 and 1.
     *
     * @throws UserError naming the flag and the value otherwise
     */
    public static double parsePrecision(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UserError("--precision: not a number: '" + text + "'");
        }
        if (!(v > 0 && v < 1)) {
            throw new UserError("--precision: must be between 0 and 1 (exclusive), got " + text);
        }
        return v;
    }

    /** The defaults: {@code T = 100 000}, burn-in 1000, 2000 draws per row, precision 0.02. */
    public static EvaluationOptions defaults(long seed) {
        return new EvaluationOptions(seed, DEFAULT_CHAIN_LENGTH, DEFAULT_BURN_IN, RaoBlackwellEstimator.DEFAULT_SAMPLES);
    }

    /** A builder with the defaults of {@link #defaults}, seed 1. */
    public static Builder builder() {
        return defaults(1).toBuilder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.chainLength = chainLength;
        b.burnIn = burnIn;
        b.rbSamples = rbSamples;
        b.precision = precision;
        b.maxRbSamples = maxRbSamples;
        return b;
    }

    /** Named settings of an evaluation; {@link #build} validates them. */
    public static final class Builder {
        private long seed;
        private int chainLength;
        private int burnIn;
        private int rbSamples;
        private double precision;
        private int maxRbSamples;

        private Builder() {
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Double steps {@code T} of the evaluation chain after the burn-in. */
        public Builder chainLength(int v) {
            chainLength = v;
            return this;
        }

        public Builder burnIn(int v) {
            burnIn = v;
            return this;
        }

        /** Draws per row of the Rao-Blackwellized transition matrix. */
        public Builder rbSamples(int v) {
            rbSamples = v;
            return this;
        }

        /**
         * σ's relative standard error the Rao-Blackwellized draws grow for ({@code --precision}, strictly
         * between 0 and 1; 0: fixed draws).
         */
        public Builder precision(double v) {
            precision = v;
            return this;
        }

        /** The cap of draws per row when a precision is targeted. */
        public Builder maxRbSamples(int v) {
            maxRbSamples = v;
            return this;
        }

        public EvaluationOptions build() {
            return new EvaluationOptions(seed, chainLength, burnIn, rbSamples, precision, maxRbSamples);
        }
    }
}
