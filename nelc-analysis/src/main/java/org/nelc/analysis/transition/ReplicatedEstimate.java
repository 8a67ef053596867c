package org.nelc.analysis.transition;

import java.util.List;
import org.nelc.api.diagnostic.TransitionEstimate;

/**
 * An estimate of M with its delete-one jackknife replicates ({@link org.nelc.analysis.uncertainty.Jackknife}):
 * replicate {@code k} is the same estimator on its input without the {@code k}-th of {@code K}
 * independent parts (a batch of the trajectory, a group of draws).
 *
 * @param estimate the estimate on all of the input
 * @param replicates the {@code K} leave-one-part-out estimates (empty: no error estimate)
 * @param method how the replicates were formed, for {@code Measurement.method} (e.g.
 *     {@code "jackknife over 20 batches of 5000 double steps"})
 * @param note a caveat for every number derived from this estimate (e.g. a precision target not
 *     reached); empty when none
 */
public record ReplicatedEstimate(TransitionEstimate estimate, List<TransitionEstimate> replicates, String method,
        String note) {
    public ReplicatedEstimate {
        replicates = List.copyOf(replicates);
    }
}
