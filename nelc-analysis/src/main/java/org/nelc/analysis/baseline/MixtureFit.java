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
}
