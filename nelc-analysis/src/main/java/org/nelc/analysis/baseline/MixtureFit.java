package org.nelc.analysis.baseline;

import org.nelc.core.likelihood.LogLikelihood;

/**
 * One EM restart's outcome.
 *
 * @param restart the restart's index (its seed stream, see {@link EmSettings#seed()})
 * @param mixture the fitted mixture, components by decreasing weight
 * @param history mean log-likelihood (nats per image) of the starting point and after each iteration;
 *     never decreasing (up to rounding)
 * @param iterations EM iterations done
 * @param converged whether the last iteration gained less than the tolerance (else the iteration cap hit)
 * @param perPoint the final exact {@code log p(x)} of every row
 * @param summary its mean ± standard error
 * @param seconds wall time of the restart
 */
public record MixtureFit(int restart, BernoulliMixture mixture, double[] history, int iterations, boolean converged,
        double[] perPoint, LogLikelihood.Summary summary, double seconds) {
    public double logLikelihood() {
        return summary.mean();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().restart(restart).mixture(mixture).history(history).iterations(iterations)
                .converged(converged).perPoint(perPoint).summary(summary).seconds(seconds);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private int restart;
        private BernoulliMixture mixture;
        private double[] history;
        private int iterations;
        private boolean converged;
        private double[] perPoint;
        private LogLikelihood.Summary summary;
        private double seconds;

        private Builder() {
        }

        public Builder restart(int v) {
            restart = v;
            return this;
        }

        public Builder mixture(BernoulliMixture v) {
            mixture = v;
            return this;
        }

        public Builder history(double[] v) {
            history = v;
            return this;
        }

        public Builder iterations(int v) {
            iterations = v;
            return this;
        }

        public Builder converged(boolean v) {
            converged = v;
            return this;
        }

        public Builder perPoint(double[] v) {
            perPoint = v;
            return this;
        }

        public Builder summary(LogLikelihood.Summary v) {
            summary = v;
            return this;
        }

        public Builder seconds(double v) {
            seconds = v;
            return this;
        }

        public MixtureFit build() {
            return new MixtureFit(restart, mixture, history, iterations, converged, perPoint, summary, seconds);
        }
    }
}
