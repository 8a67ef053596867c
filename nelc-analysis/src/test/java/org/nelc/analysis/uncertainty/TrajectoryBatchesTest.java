package org.nelc.analysis.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.core.chain.TransitionCounts;

class TrajectoryBatchesTest {
    @Test
    void leaveOneOutReplicatesPartitionTheCountsAndTheOccupancy() {
        int[] traj = TestModels.trajectory(TestModels.randomModel(5, TestModels.kernel("one-hot", 4, "softmax"), 1, 2),
                3, 5, 1003);
        int n = 4;
        TrajectoryBatches b = new TrajectoryBatches(traj, n, 7);
        assertEquals(7, b.count());
        TransitionCounts all = new TransitionCounts(n);
        all.addTrajectory(traj, 0, traj.length);
        long[] sum = new long[n * n];
        double[] occ = new double[n];
        for (int k = 0; k < b.count(); k++) {
            TransitionCounts c = b.countsWithout(k);
            c.forEach((from, to, v) -> sum[from * n + to] += v);
            double[] p = b.occupancyWithout(k);
            double len = traj.length - (b.start(k + 1) - b.start(k));
            for (int z = 0; z < n; z++) {
                occ[z] += p[z] * len;
            }
        }
        // every transition and every state is left out exactly once: K − 1 copies of the whole
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                assertEquals(6 * all.count(from, to), sum[from * n + to], from + "->" + to);
            }
        }
        long[] visits = new long[n];
        for (int z : traj) {
            visits[z]++;
        }
        for (int z = 0; z < n; z++) {
            assertEquals(6.0 * visits[z], occ[z], 1e-9);
        }
    }

    @Test
    void theJackknifeOfAMeanIsTheStandardErrorOfTheMean() {
        // replicates of a mean of K values x_k: (Σx − x_k)/(K−1); jackknife s.e. = sd(x)/sqrt(K) exactly
        double[] x = {1, 4, 2, 8, 5, 7};
        int k = x.length;
        double total = 0;
        for (double v : x) {
            total += v;
        }
        double[] reps = new double[k];
        for (int i = 0; i < k; i++) {
            reps[i] = (total - x[i]) / (k - 1);
        }
        double mean = total / k;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        assertEquals(Math.sqrt(ss / (k - 1) / k), Jackknife.standardError(reps), 1e-12);
        assertEquals(Double.NaN, Jackknife.standardError(new double[] {1, Double.POSITIVE_INFINITY}));
    }
}
