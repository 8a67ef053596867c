package org.nelc.analysis.transition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StationaryVectorTest {
    @Test
    void twoStatesHaveTheClosedForm() {
        double a = 0.3;
        double b = 0.1;
        double[] m = {1 - a, a, b, 1 - b};
        // π = (b, a) / (a + b) solves π M = π
        assertArrayEquals(new double[] {b / (a + b), a / (a + b)}, StationaryVector.of(m, 2), 1e-15);
        assertArrayEquals(new double[] {b / (a + b), a / (a + b)}, StationaryVector.lazyPowerIteration(m, 2), 1e-14);
    }

    @Test
    void aDeterministicCycleIsUniformAlthoughPeriodic() {
        double[] m = {0, 1, 0, 0, 0, 1, 1, 0, 0};
        double third = 1.0 / 3;
        assertArrayEquals(new double[] {third, third, third}, StationaryVector.of(m, 3), 1e-15);
        // the lazy chain (I + M)/2 converges where plain power iteration would oscillate forever
        assertArrayEquals(new double[] {third, third, third}, StationaryVector.lazyPowerIteration(m, 3), 1e-14);
    }

    @Test
    void directAndIterativeAgreeOnARandomChain() {
        var rng = org.nelc.analysis.TestModels.rng(5);
        int k = 7;
        double[] m = new double[k * k];
        for (int r = 0; r < k; r++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                m[r * k + c] = rng.nextDouble();
                s += m[r * k + c];
            }
            for (int c = 0; c < k; c++) {
                m[r * k + c] /= s;
            }
        }
        double[] direct = StationaryVector.direct(m, k);
        assertArrayEquals(direct, StationaryVector.lazyPowerIteration(m, k), 1e-13);
        for (int c = 0; c < k; c++) {
            double v = 0;
            for (int r = 0; r < k; r++) {
                v += direct[r] * m[r * k + c];
            }
            assertEquals(direct[c], v, 1e-15);
        }
    }

    @Test
    void aReducibleChainFallsBackToIteration() {
        // two closed classes {0} and {1}: the LU system is singular; the lazy iteration from uniform keeps 1/2 each
        double[] m = {1, 0, 0, 1};
        assertNull(StationaryVector.direct(m, 2));
        assertArrayEquals(new double[] {0.5, 0.5}, StationaryVector.of(m, 2), 1e-15);
    }

    @Test
    void unvisitedRowsGetZeroAndTheirColumnsAreDropped() {
        // state 2 was only ever the last state: row 2 unknown; row 1 sent 1/4 of its mass to 2
        double[] m = {0, 1, 0, 0.5, 0.25, 0.25, 0, 0, 0};
        boolean[] visited = {true, true, false};
        VisitedBlock block = VisitedBlock.of(m, 3, visited);
        assertArrayEquals(new int[] {0, 1}, block.index());
        assertArrayEquals(new double[] {0, 1, 0.5 / 0.75, 0.25 / 0.75}, block.matrix(), 1e-15);
        double[] pi = StationaryVector.of(m, 3, visited);
        // block [[0,1],[2/3,1/3]]: π = (2/5, 3/5)
        assertArrayEquals(new double[] {0.4, 0.6, 0}, pi, 1e-15);
    }

    @Test
    void aRowLeftWithNoMassIsDroppedInTurn() {
        // 0 → 1 only, 1 → 2 only, 2 unvisited: dropping 2 empties row 1, then row 0
        double[] m = {0, 1, 0, 0, 0, 1, 0, 0, 0};
        assertEquals(0, VisitedBlock.of(m, 3, new boolean[] {true, true, false}).size());
        assertArrayEquals(new double[3], StationaryVector.of(m, 3, new boolean[] {true, true, false}));
    }
}
