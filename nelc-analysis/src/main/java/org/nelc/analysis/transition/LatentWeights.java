package org.nelc.analysis.transition;

import java.util.List;
import org.nelc.api.diagnostic.TransitionEstimate;

/**
 * Which {@code p̄} goes with which estimate of {@code M} in {@code J_{z'z} = p̄(z') M_{z'z}} (Eq. 21,
 * the currents and the cycles): for {@code count}, the trajectory's occupancy, as the paper does (then
 * {@code J_{z'z}} is the fraction of transitions {@code z' → z} up to the one final step); for
 * {@code rao-blackwell} and any other estimator, the stationary vector of the estimated matrix, so that
 * {@code J} is the steady-state flow of that matrix (flux balance holds exactly, and a reversible
 * matrix gives σ = 0).
 */
public final class LatentWeights {
    /** The two built-in estimators, in the order diagnostics report them. */
    public static final List<String> ESTIMATORS = List.of(CountEstimator.NAME, RaoBlackwellEstimator.NAME);

    private LatentWeights() {
    }

    public static double[] of(TransitionEstimate estimate) {
        return CountEstimator.NAME.equals(estimate.estimator()) ? estimate.occupancy() : estimate.stationary();
    }

    /** {@code "occupancy"} or {@code "stationary"}: what {@link #of} uses for this estimate. */
    public static String kind(TransitionEstimate estimate) {
        return CountEstimator.NAME.equals(estimate.estimator()) ? "occupancy" : "stationary";
    }
}
