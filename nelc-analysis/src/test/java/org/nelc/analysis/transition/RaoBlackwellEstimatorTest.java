package org.nelc.analysis.transition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.analysis.TestModels;
import org.nelc.analysis.exact.ExactSystem;
import org.nelc.api.UserError;
import org.nelc.api.diagnostic.TransitionEstimate;
import org.nelc.core.model.Model;
import org.nelc.core.random.SeedTree;

class RaoBlackwellEstimatorTest {
    @ParameterizedTest
    @CsvSource({"one-hot,sigmoid-ratio,7,3,1", "one-hot,softmax,9,4,2", "bits,factorized,8,2,3", "bits,factorized,6,3,4"})
    void everyEntryIsWithinFiveStandardErrorsOfTheExactM(String enc, String norm, int d, int l, long seed) {
        Model model = TestModels.randomModel(d, TestModels.kernel(enc, l, norm), 1.5, seed);
        int s = 5000;
        int n = model.latent().states();
        int[] traj = new int[n];
        for (int z = 0; z < n; z++) {
            traj[z] = z;
        }
        TransitionEstimate t = new RaoBlackwellEstimator(s, SeedTree.root(seed)).estimate(model, traj);
        ExactSystem exact = ExactSystem.of(model);
        double[] m = exact.transitionMatrix();
        double[] v = RaoBlackwellVariance.perEntry(exact);
        for (int k = 0; k < n * n; k++) {
            // the entry is a mean of S i.i.d. draws of Ā(z|x), x ~ A(z'), whose variance v is known exactly:
            // 5 standard errors (false alarm ~6e-7 per entry) plus rounding
            assertEquals(m[k], t.matrix()[k], 5 * Math.sqrt(v[k] / s) + 1e-12, "entry " + k);
            assertTrue(t.matrix()[k] > 0, "no zero entries");
        }
    }

    @Test
    void sameSeedSameMatrixAndRowsAreIndependentOfEachOther() {
        Model model = TestModels.randomModel(8, TestModels.kernel("one-hot", 3, "sigmoid-ratio"), 1.5, 7);
        int[] traj = {0, 1, 2, 1};
        var a = new RaoBlackwellEstimator(300, SeedTree.root(1)).estimate(model, traj);
        var b = new RaoBlackwellEstimator(300, SeedTree.root(1)).estimate(model, traj);
        assertArrayEquals(a.matrix(), b.matrix(), 0);
        var c = new RaoBlackwellEstimator(300, SeedTree.root(2)).estimate(model, traj);
        assertFalse(java.util.Arrays.equals(a.matrix(), c.matrix()));
    }

    @Test
    void withManyStatesOnlyVisitedRowsAreEstimated() {
        Model model = TestModels.randomModel(6, TestModels.kernel("bits", 7, null), 1, 3);
        int[] traj = {5, 9, 5, 100};
        var est = new RaoBlackwellEstimator(50, SeedTree.root(1));
        TransitionEstimate t = est.estimate(model, traj);
        boolean[] visited = t.visited();
        for (int z = 0; z < 128; z++) {
            boolean expected = z == 5 || z == 9 || z == 100;
            assertEquals(expected, visited[z], "state " + z);
            double row = 0;
            for (int y = 0; y < 128; y++) {
                row += t.get(z, y);
            }
            assertEquals(expected ? 1.0 : 0.0, row, 1e-12);
        }
        // a row does not depend on which other rows were computed
        var alone = new RaoBlackwellEstimator(50, SeedTree.root(1)).estimate(model, new int[] {9});
        for (int y = 0; y < 128; y++) {
            assertEquals(t.get(9, y), alone.get(9, y), 0);
        }
    }

    @Test
    void theWorkBudgetLowersTheDrawsOfHugeBitsModelsOnly() {
        var est = new RaoBlackwellEstimator(2000, SeedTree.root(1));
        boolean[] six = new boolean[6];
        java.util.Arrays.fill(six, true);
        assertEquals(2000, est.samplesWithinBudget(six, 6, 6, 784), "one-hot:6 at the paper's size");
        boolean[] b6 = new boolean[64];
        java.util.Arrays.fill(b6, true);
        assertEquals(2000, est.samplesWithinBudget(b6, 64, 6, 784), "bits:6, all rows");
        boolean[] b8 = new boolean[256];
        java.util.Arrays.fill(b8, true);
        int s8 = est.samplesWithinBudget(b8, 256, 8, 784);
        assertTrue(s8 > 300 && s8 < 400, "bits:8 " + s8);
        boolean[] b10 = new boolean[1024];
        java.util.Arrays.fill(b10, true);
        assertEquals(RaoBlackwellEstimator.MIN_SAMPLES, est.samplesWithinBudget(b10, 1024, 10, 784));
        assertEquals(10, new RaoBlackwellEstimator(10, SeedTree.root(1)).samplesWithinBudget(b10, 1024, 10, 784),
                "never more than asked");
    }

    @Test
    void badSampleCountsAndHugeStateSpacesAreRefused() {
        assertThrows(UserError.class, () -> new RaoBlackwellEstimator(0, SeedTree.root(1)));
        Model model = TestModels.randomModel(3, TestModels.kernel("bits", 12, null), 1, 1);
        assertThrows(UserError.class, () -> new RaoBlackwellEstimator(10, SeedTree.root(1)).estimate(model, new int[] {0}));
    }
}
