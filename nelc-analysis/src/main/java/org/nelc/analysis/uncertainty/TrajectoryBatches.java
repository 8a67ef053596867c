package org.nelc.analysis.uncertainty;

import org.nelc.core.chain.TransitionCounts;

/**
 * A latent trajectory cut into {@code K} contiguous batches for the batch-means jackknife: batch
 * {@code k} holds the states {@code [start(k), start(k+1))} and the transitions leaving them. Leaving a
 * batch out removes its states from the occupancy and its transitions from the counts; the transition
 * into the next batch goes with the batch it leaves, so the replicates partition the counts exactly.
 * Batches of a long chain are nearly independent when a batch is much longer than the chain's
 * decorrelation time τ; {@link #batchLength()} is what to compare τ with.
 */
public final class TrajectoryBatches {
    /** Batches used by the evaluation. */
    public static final int DEFAULT_BATCHES = 20;

    private final int[] trajectory;
    private final int states;
    private final int batches;
    /** Per-state counts, made on the first {@link #occupancyWithout} (a sparse evaluation never asks: 2^L states). */
    private long[] stateCounts;
    private long[][] batchStateCounts;

    /**
     * @param batches wanted {@code K}; fewer when the trajectory has fewer than {@code 2K} states (at
     *     least 2 states per batch), and none (no replicates) when it has fewer than 4
     */
    public TrajectoryBatches(int[] trajectory, int states, int batches) {
        this.trajectory = trajectory;
        this.states = states;
        this.batches = trajectory.length < 4 ? 0 : Math.max(2, Math.min(batches, trajectory.length / 2));
    }

    private synchronized void countStates() {
        if (stateCounts != null) {
            return;
        }
        long[][] perBatch = new long[batches][states];
        for (int k = 0; k < batches; k++) {
            for (int t = start(k); t < start(k + 1); t++) {
                perBatch[k][trajectory[t]]++;
            }
        }
        long[] all = new long[states];
        for (int z : trajectory) {
            all[z]++;
        }
        batchStateCounts = perBatch;
        stateCounts = all;
    }

    /** {@code K}, the number of batches (0 when the trajectory is too short to cut). */
    public int count() {
        return batches;
    }

    /** The length of the shortest batch, double steps. */
    public int batchLength() {
        return batches == 0 ? trajectory.length : trajectory.length / batches;
    }

    /** First state of batch {@code k}; {@code start(K)} is the trajectory's length. */
    public int start(int k) {
        return (int) ((long) trajectory.length * k / batches);
    }

    /** The occupancy (state frequencies) of the trajectory without batch {@code k}. */
    public double[] occupancyWithout(int k) {
        countStates();
        long[] own = batchStateCounts[k];
        double n = trajectory.length - (start(k + 1) - start(k));
        double[] p = new double[states];
        for (int z = 0; z < states; z++) {
            p[z] = (stateCounts[z] - own[z]) / n;
        }
        return p;
    }

    /** The transitions of the trajectory except those leaving a state of batch {@code k}. */
    public TransitionCounts countsWithout(int k) {
        TransitionCounts c = new TransitionCounts(states);
        int from = start(k);
        int to = start(k + 1);
        // states [0, from] carry the transitions leaving [0, from); [to, T) carries those leaving [to, T − 1)
        c.addTrajectory(trajectory, 0, Math.min(from + 1, trajectory.length));
        if (to < trajectory.length) {
            c.addTrajectory(trajectory, to, trajectory.length - to);
        }
        return c;
    }
}
