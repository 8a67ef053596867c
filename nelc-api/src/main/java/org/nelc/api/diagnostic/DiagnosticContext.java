package org.nelc.api.diagnostic;

import java.util.function.ToDoubleFunction;
import org.nelc.api.data.Dataset;
import org.nelc.api.model.ModelView;

/**
 * What a {@link Diagnostic} may look at: the model, the data, a long latent trajectory and M — and the
 * two ways of turning a function of them into a {@link Measurement} with an honest standard error,
 * {@link #measure} (a function of an estimate of M) and {@link #measureOccupancy} (a function of the
 * trajectory's occupancy p̄). A diagnostic that reports through these gets the uncertainty, its method
 * and any caveat of the estimate for free, the same way the built-in diagnostics do.
 */
public interface DiagnosticContext {
    ModelView model();

    /** The training data (with labels when known). */
    Dataset data();

    /** The latent states of a long chain, {@code z(0), z(1), …} as state indices. Shared: do not modify. */
    int[] trajectory();

    /**
     * The transition matrix by the named estimator ({@code "count"} or {@code "rao-blackwell"}),
     * computed once and cached by the context.
     */
    TransitionEstimate transitions(String estimator);

    /**
     * {@code f} of the named estimate of M, with a standard error from that estimator's own sampling
     * variability: a delete-one jackknife over {@code K} independent (or nearly independent) parts of
     * the data the estimate is built from —
     * <ul>
     *   <li>{@code "count"}: {@code K} contiguous batches of the trajectory; replicate {@code k} counts
     *       every transition except those leaving a state in batch {@code k} (and takes the occupancy
     *       without batch {@code k}). Batch means are independent when a batch is much longer than the
     *       chain's decorrelation time; when it is not, the note says so.</li>
     *   <li>{@code "rao-blackwell"}: {@code K} groups of the draws of every row (draw rounds assigned to
     *       groups in turn); the groups are independent by construction.</li>
     * </ul>
     * The standard error is {@code sqrt((K−1)/K · Σ_k (f_k − f̄)²)} over the replicates {@code f_k}
     * ({@code f} of the estimate without part {@code k}); it is NaN, with the reason in the method, when
     * {@code f} is not finite on the estimate or on a replicate (e.g. τ of a periodic count matrix).
     * {@link Measurement#method()} names the estimator, {@code K} and the draws; {@link Measurement#note()}
     * carries the estimate's caveats (e.g. a precision target not reached within the cap of draws).
     * {@code f} is called {@code K + 1} times and must not modify its argument.
     *
     * @param estimator {@code "count"} or {@code "rao-blackwell"} (as {@link #transitions})
     * @param key the measurement's key (lower-case, digits, dots and dashes)
     * @param description a short human label
     * @param unit e.g. {@code "nats/double step"}; empty when dimensionless
     */
    Measurement measure(String estimator, String key, String description, String unit,
            ToDoubleFunction<TransitionEstimate> f);

    /**
     * {@code f} of the trajectory's occupancy {@code p̄} (length = number of latent states, sums to 1),
     * with a standard error by the delete-one jackknife over {@code K} contiguous batches of the
     * trajectory (replicate {@code k}: the occupancy without batch {@code k}) — batch means,
     * autocorrelation-aware as long as a batch is much longer than the decorrelation time (else the note
     * says so). E.g. class KL (Eq. 22) or the precise log-likelihood (App. A.3) as functions of p̄.
     * {@code f} is called {@code K + 1} times and must not modify its argument.
     */
    Measurement measureOccupancy(String key, String description, String unit, ToDoubleFunction<double[]> f);
}
