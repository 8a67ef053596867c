package org.nelc.analysis.baseline;

import org.nelc.api.UserError;

/**
 * What fixes an EM fit of a Bernoulli mixture besides the data ({@code nelc em}).
 *
 * @param components {@code K}, the number of mixture components ({@code --components}; compare with a
 *     one-hot model of {@code L = K} latent states)
 * @param restarts independent starts; the best final log-likelihood wins ({@code --restarts})
 * @param maxIterations EM iterations per restart at most ({@code --iterations})
 * @param tolerance stop when an iteration gains less than this, nats per image ({@code --tolerance})
 * @param clip every mean is kept in {@code [clip, 1 − clip]} ({@code --clip}): a pixel that is always 0
 *     in a component's data would otherwise get {@code μ = 0} and {@code log μ = −∞}. The clipped M-step
 *     is the exact maximizer of EM's bound over that box, so the log-likelihood still never decreases;
 *     the cost against the unclipped optimum is at most {@code D·clip} nats per image
 *     (7.8e-4 at D = 784 with the default 1e-6).
 * @param initFraction each restart starts every component at the mean of its own random subset of
 *     {@code round(f·N)} rows, clipped to {@code [1e-3, 1 − 1e-3]} — the paper's initialization of
 *     {@code w} (SPEC §5), so that model and mixture start alike
 * @param seed restart {@code r} draws from {@code SeedTree.root(seed).child("em").child("restart", r)} ({@code SeedStreams})
 */
public record EmSettings(int components, int restarts, int maxIterations, double tolerance, double clip,
        double initFraction, long seed) {
    public static final int DEFAULT_RESTARTS = 10;
    public static final int DEFAULT_ITERATIONS = 1000;
    public static final double DEFAULT_TOLERANCE = 1e-6;
    public static final double DEFAULT_CLIP = 1e-6;
    /** The clip of the initial means (the paper's clip of the initial pixel means). */
    public static final double INIT_CLIP = 1e-3;

    public EmSettings {
        if (components < 1) {
            throw new UserError("--components: must be at least 1, got " + components);
        }
        if (restarts < 1) {
            throw new UserError("--restarts: must be at least 1, got " + restarts);
        }
        if (maxIterations < 1) {
            throw new UserError("--iterations: must be at least 1, got " + maxIterations);
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new UserError("--tolerance: must be a finite number >= 0, got " + tolerance);
        }
        if (!(clip > 0 && clip <= INIT_CLIP)) {
            throw new UserError("--clip: must be in (0, " + INIT_CLIP + "], got " + clip);
        }
        if (!(initFraction > 0 && initFraction <= 1)) {
            throw new UserError("--init-fraction: must be in (0, 1], got " + initFraction);
        }
    }

    /** {@code K} components, the default restarts, iterations, tolerance, clip and init fraction 0.1. */
    public static EmSettings defaults(int components, long seed) {
        return builder().components(components).seed(seed).build();
    }

    public EmSettings withRestarts(int r) {
        return toBuilder().restarts(r).build();
    }

    public EmSettings withComponents(int k) {
        return toBuilder().components(k).build();
    }

    /** A builder with the defaults: one component, the default restarts, iterations, tolerance and clip, f = 0.1, seed 1. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return builder().components(components).restarts(restarts).maxIterations(maxIterations).tolerance(tolerance)
                .clip(clip).initFraction(initFraction).seed(seed);
    }

    /** Named settings of an EM fit; {@link #build} validates them, naming the flag. */
    public static final class Builder {
        private int components = 1;
        private int restarts = DEFAULT_RESTARTS;
        private int maxIterations = DEFAULT_ITERATIONS;
        private double tolerance = DEFAULT_TOLERANCE;
        private double clip = DEFAULT_CLIP;
        private double initFraction = 0.1;
        private long seed = 1;

        private Builder() {
        }

        public Builder components(int v) {
            components = v;
            return this;
        }

        public Builder restarts(int v) {
            restarts = v;
            return this;
        }

        public Builder maxIterations(int v) {
            maxIterations = v;
            return this;
        }

        public Builder tolerance(double v) {
            tolerance = v;
            return this;
        }

        public Builder clip(double v) {
            clip = v;
            return this;
        }

        public Builder initFraction(double v) {
            initFraction = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public EmSettings build() {
            return new EmSettings(components, restarts, maxIterations, tolerance, clip, initFraction, seed);
        }
    }
}
