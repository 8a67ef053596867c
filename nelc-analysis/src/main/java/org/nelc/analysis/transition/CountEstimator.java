package org.nelc.analysis.transition;

import java.util.ArrayList;
import java.util.List;
import org.nelc.analysis.uncertainty.TrajectoryBatches;
import org.nelc.api.diagnostic.TransitionEstimate;
import org.nelc.api.model.ModelView;
import org.nelc.core.chain.TransitionCounts;
import org.nelc.core.likelihood.PreciseLikelihood;

/**
 * The paper's estimate of {@code M_{z'z}} (Sect. IV.2): count the transitions {@code z(t) → z(t+1)} on
 * the trajectory and normalize each row. A row never left (a state not visited, or visited only as the
 * last state) has no estimate: its entries are 0 and {@code visited[z']} is false — never silently a
 * zero row posing as data. The occupancy is the empirical frequency of each state on the trajectory,
 * and the stationary vector is that of the visited block ({@link StationaryVector}).
 *
 * <p>Replicates: {@link TrajectoryBatches#DEFAULT_BATCHES} contiguous batches of the trajectory, each
 * left out in turn (its transitions and its states) — the batch-means jackknife, valid when a batch is
 * much longer than the decorrelation time.
 */
public final class CountEstimator implements TransitionEstimator {
    public static final String NAME = "count";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TransitionEstimate estimate(ModelView model, int[] trajectory) {
        TransitionEstimator.checkStates(model);
        int n = model.latent().states();
        TransitionCounts counts = new TransitionCounts(n);
        counts.addTrajectory(trajectory, 0, trajectory.length);
        return fromCounts(counts, PreciseLikelihood.occupancy(trajectory, n));
    }

    @Override
    public ReplicatedEstimate estimateWithReplicates(ModelView model, int[] trajectory) {
        TransitionEstimate full = estimate(model, trajectory);
        int n = model.latent().states();
        TrajectoryBatches batches = new TrajectoryBatches(trajectory, n, TrajectoryBatches.DEFAULT_BATCHES);
        List<TransitionEstimate> reps = new ArrayList<>();
        for (int k = 0; k < batches.count(); k++) {
            reps.add(fromCounts(batches.countsWithout(k), batches.occupancyWithout(k)));
        }
        String method = "delete-one jackknife over " + batches.count() + " contiguous batches of "
                + batches.batchLength() + " double steps of the trajectory (" + full.samples() + " transitions)";
        return new ReplicatedEstimate(full, reps, method, "");
    }

    /** The row-normalized matrix of {@code counts} with the given occupancy. */
    public static TransitionEstimate fromCounts(TransitionCounts counts, double[] occupancy) {
        int n = counts.states();
        long[] rows = counts.rowTotals();
        double[] m = new double[n * n];
        boolean[] visited = new boolean[n];
        counts.forEach((from, to, c) -> m[from * n + to] = c);
        for (int z = 0; z < n; z++) {
            if (rows[z] > 0) {
                visited[z] = true;
                double inv = 1.0 / rows[z];
                for (int y = 0; y < n; y++) {
                    m[z * n + y] *= inv;
                }
            }
        }
        double[] stationary = StationaryVector.of(m, n, visited);
        return TransitionEstimate.builder().estimator(NAME).states(n).matrix(m).occupancy(occupancy)
                .stationary(stationary).visited(visited).samples(counts.total()).build();
    }
}
