package org.nelc.core.chain;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts of latent transitions {@code z(t) → z(t+1)} along one or more trajectories, and the
 * entropy production they imply (Eq. 21 with {@code J_{z'z} = C_{z'z} / Σ C}, i.e. the empirical
 * occupancy times the row-normalized count matrix).
 *
 * <p>A pair seen in one direction only would contribute an infinite term. It is skipped in
 * {@link #entropyProduction()} and counted by {@link #oneWayPairs()}: since skipping removes exactly
 * the strongest currents, the count-based σ is a lower bound of what the counts suggest, and the
 * Rao-Blackwellized estimator (nelc-analysis) should be read beside it.
 *
 * <p>Dense storage for up to {@value #DENSE_LIMIT} states, a hash map above.
 */
public final class TransitionCounts {
    public static final int DENSE_LIMIT = 2048;

    private final int states;
    private final long[] dense;
    private final Map<Long, long[]> sparse;
    private final long[] fromCounts;
    private final long[] visits;
    private long total;

    public TransitionCounts(int states) {
        if (states < 1) {
            throw new IllegalArgumentException("states " + states);
        }
        this.states = states;
        this.dense = states <= DENSE_LIMIT ? new long[states * states] : null;
        this.sparse = dense == null ? new HashMap<>() : null;
        this.fromCounts = states <= (1 << 24) ? new long[states] : null;
        this.visits = states <= (1 << 24) ? new long[states] : null;
    }

    public int states() {
        return states;
    }

    /** Adds the transitions of one contiguous trajectory {@code traj[off … off+n−1]}. */
    public void addTrajectory(int[] traj, int off, int n) {
        for (int t = 0; t < n; t++) {
            if (visits != null) {
                visits[traj[off + t]]++;
            }
        }
        for (int t = 0; t + 1 < n; t++) {
            add(traj[off + t], traj[off + t + 1]);
        }
    }

    /** Adds one transition {@code from → to}. */
    public void add(int from, int to) {
        if (dense != null) {
            dense[from * states + to]++;
        } else {
            sparse.computeIfAbsent(key(from, to), k -> new long[1])[0]++;
        }
        if (fromCounts != null) {
            fromCounts[from]++;
        }
        total++;
    }

    public void clear() {
        if (dense != null) {
            java.util.Arrays.fill(dense, 0);
        } else {
            sparse.clear();
        }
        if (fromCounts != null) {
            java.util.Arrays.fill(fromCounts, 0);
            java.util.Arrays.fill(visits, 0);
        }
        total = 0;
    }

    public long count(int from, int to) {
        if (dense != null) {
            return dense[from * states + to];
        }
        long[] c = sparse.get(key(from, to));
        return c == null ? 0 : c[0];
    }

    public long total() {
        return total;
    }

    /** Visits of each state along the trajectories (the occupancy before normalizing). */
    public long[] visits() {
        return visits.clone();
    }

    /** Transitions out of each state (row sums). */
    public long[] rowTotals() {
        return fromCounts.clone();
    }

    /** σ from counts, one-way pairs skipped (nats per double step; {@link EntropyProductionSum}). */
    public double entropyProduction() {
        if (total == 0) {
            return 0;
        }
        EntropyProductionSum sum = new EntropyProductionSum();
        double inv = 1.0 / total;
        if (dense != null) {
            for (int a = 0; a < states; a++) {
                for (int b = a + 1; b < states; b++) {
                    sum.add(dense[a * states + b] * inv, dense[b * states + a] * inv);
                }
            }
        } else {
            for (var e : sparse.entrySet()) {
                int a = (int) (e.getKey() >>> 32);
                int b = (int) (long) e.getKey();
                if (a < b) {
                    sum.add(e.getValue()[0] * inv, count(b, a) * inv);
                }
            }
        }
        return sum.sigma();
    }

    /** Number of unordered pairs {a ≠ b} seen in one direction only. */
    public int oneWayPairs() {
        int n = 0;
        if (dense != null) {
            for (int a = 0; a < states; a++) {
                for (int b = a + 1; b < states; b++) {
                    if ((dense[a * states + b] > 0) != (dense[b * states + a] > 0)) {
                        n++;
                    }
                }
            }
        } else {
            for (var e : sparse.entrySet()) {
                int a = (int) (e.getKey() >>> 32);
                int b = (int) (long) e.getKey();
                if (a != b && count(b, a) == 0) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Each (from, to, count) with a positive count. */
    public void forEach(TransitionVisitor visitor) {
        if (dense != null) {
            for (int a = 0; a < states; a++) {
                for (int b = 0; b < states; b++) {
                    long c = dense[a * states + b];
                    if (c > 0) {
                        visitor.visit(a, b, c);
                    }
                }
            }
        } else {
            for (var e : sparse.entrySet()) {
                visitor.visit((int) (e.getKey() >>> 32), (int) (long) e.getKey(), e.getValue()[0]);
            }
        }
    }

    /** Receives one observed transition. */
    @FunctionalInterface
    public interface TransitionVisitor {
        void visit(int from, int to, long count);
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xFFFFFFFFL);
    }
}
