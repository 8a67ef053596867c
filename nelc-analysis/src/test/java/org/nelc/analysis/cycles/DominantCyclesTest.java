package org.nelc.analysis.cycles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DominantCyclesTest {
    private static boolean[] all(int n) {
        boolean[] v = new boolean[n];
        Arrays.fill(v, true);
        return v;
    }

    @Test
    void aCleanCycleThroughAllStatesIsFoundInOrder() {
        // 0 → 2 → 1 → 3 → 0 with probability 0.7, the rest spread
        int n = 4;
        int[] next = {2, 3, 1, 0};
        double[] m = new double[n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                m[z * n + y] = y == next[z] ? 0.7 : 0.1;
            }
        }
        double[] p = {0.25, 0.25, 0.25, 0.25};
        DominantCycles dc = DominantCycles.find(m, p, n, all(n), new int[] {5, 6, 7, 8});
        assertEquals(1, dc.cycles().size());
        Cycle c = dc.cycles().get(0);
        assertArrayEquals(new int[] {0, 2, 1, 3}, c.states());
        assertArrayEquals(new int[] {5, 7, 6, 8}, c.classes());
        // net current on each dominant step: 0.25·0.7 − 0.25·0.1
        assertEquals(0.25 * 0.6, c.flux(), 1e-15);
        assertEquals(0.7, c.minTransition(), 0);
        assertTrue(dc.clean());
        assertEquals(4, dc.longest());
        assertEquals(1.0, dc.coverage(), 0);
    }

    @Test
    void aCycleBrokenIntoTwoSubCyclesCoversEveryStateWithShorterCycles() {
        // 0 → 1 → 2 → 0 and 3 → 4 → 5 → 3 (0.6 each), weak links between the two triangles
        int n = 6;
        int[] next = {1, 2, 0, 4, 5, 3};
        double[] m = new double[n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                m[z * n + y] = y == next[z] ? 0.5 : 0.1;
            }
        }
        double[] p = new double[n];
        Arrays.fill(p, 1.0 / n);
        DominantCycles dc = DominantCycles.find(m, p, n, all(n), null);
        assertEquals(2, dc.cycles().size());
        assertFalse(dc.clean());
        assertEquals(3, dc.longest());
        assertEquals(1.0, dc.coverage(), 0);
    }

    @Test
    void withoutCirculationTheLongestIsZero() {
        // two 2-cycles: 0 ⇄ 1, 2 ⇄ 3; a 2-cycle's currents cancel, so nothing circulates
        int n = 4;
        double[] m = {
            0.2, 0.6, 0.1, 0.1,
            0.6, 0.2, 0.1, 0.1,
            0.1, 0.1, 0.2, 0.6,
            0.1, 0.1, 0.6, 0.2};
        DominantCycles dc = DominantCycles.find(m, new double[] {0.25, 0.25, 0.25, 0.25}, n, all(n), null);
        assertEquals(2, dc.cycles().size());
        assertEquals(0, dc.longest());
        assertEquals(0.0, dc.coverage(), 0);
    }

    @Test
    void twoCyclesAndATwoCycleWithoutNetFlux() {
        // 0 ⇄ 1 (mutual dominant successors) and 2 → 3 → 4 → 2
        int n = 5;
        double[] m = {
            0.1, 0.6, 0.1, 0.1, 0.1,
            0.6, 0.1, 0.1, 0.1, 0.1,
            0.05, 0.05, 0.1, 0.7, 0.1,
            0.05, 0.05, 0.1, 0.1, 0.7,
            0.05, 0.05, 0.7, 0.1, 0.1};
        double[] p = {0.2, 0.2, 0.2, 0.2, 0.2};
        DominantCycles dc = DominantCycles.find(m, p, n, all(n), null);
        assertEquals(2, dc.cycles().size());
        assertArrayEquals(new int[] {2, 3, 4}, dc.cycles().get(0).states());
        assertArrayEquals(new int[] {-1, -1, -1}, dc.cycles().get(0).classes());
        assertEquals(0.2 * 0.6, dc.cycles().get(0).flux(), 1e-15);
        assertArrayEquals(new int[] {0, 1}, dc.cycles().get(1).states());
        assertEquals(0.0, dc.cycles().get(1).flux(), 1e-15);
        assertFalse(dc.clean());
        // the 3-cycle circulates, the 2-cycle does not: 3 of the 5 states
        assertEquals(3, dc.longest());
        assertEquals(3.0 / 5, dc.coverage(), 1e-15);
    }

    @Test
    void statesOfZeroWeightOrWithoutARowAreLeftOut() {
        int n = 3;
        double[] m = {0, 1, 0, 0.2, 0, 0.8, 0.5, 0.5, 0};
        DominantCycles dc = DominantCycles.find(m, new double[] {0.5, 0.5, 0}, n, all(n), null);
        assertArrayEquals(new int[] {1, 0, -1}, dc.successor());
        assertEquals(2, dc.states());
        DominantCycles dv = DominantCycles.find(m, new double[] {0.4, 0.3, 0.3}, n, new boolean[] {true, true, false}, null);
        assertEquals(-1, dv.successor()[2]);
    }
}
