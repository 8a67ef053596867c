package org.nelc.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TransitionCountsTest {
    @Test
    void sigmaOfAHandCountedTrajectory() {
        // 0→1 2+2 = 4 times, 1→0 once, 1→2 once, 2→1 never (one-way pair)
        TransitionCounts c = new TransitionCounts(3);
        c.addTrajectory(new int[] {0, 1, 0, 1, 2}, 0, 5);
        c.add(0, 1);
        c.add(0, 1);
        assertEquals(6, c.total());
        // J01 = 4/6, J10 = 1/6: (3/6) ln 4; the pair (1,2) is one-way and skipped
        assertEquals(3.0 / 6 * Math.log(4), c.entropyProduction(), 1e-15);
        assertEquals(1, c.oneWayPairs());
        assertEquals(4, c.count(0, 1));
    }

    @Test
    void reversibleCountsHaveZeroSigma() {
        TransitionCounts c = new TransitionCounts(3);
        c.addTrajectory(new int[] {0, 1, 2, 1, 0, 2, 0}, 0, 7);
        assertEquals(0.0, c.entropyProduction(), 1e-15);
        assertEquals(0, c.oneWayPairs());
    }

    @Test
    void sparseStorageAgreesWithDense() {
        int[] traj = {0, 5, 9, 5, 0, 9, 9, 5, 0, 5};
        TransitionCounts dense = new TransitionCounts(10);
        TransitionCounts sparse = new TransitionCounts(TransitionCounts.DENSE_LIMIT + 1);
        dense.addTrajectory(traj, 0, traj.length);
        sparse.addTrajectory(traj, 0, traj.length);
        assertEquals(dense.entropyProduction(), sparse.entropyProduction(), 1e-15);
        assertEquals(dense.oneWayPairs(), sparse.oneWayPairs());
    }
}
