package org.nelc.analysis.transition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.api.UserError;
import org.nelc.api.diagnostic.TransitionEstimate;
import org.nelc.core.model.Model;

class CountEstimatorTest {
    @Test
    void rowsAreNormalizedCountsAndUnvisitedRowsAreFlagged() {
        Model model = TestModels.randomModel(4, TestModels.kernel("one-hot", 4, "softmax"), 1, 1);
        int[] traj = {0, 1, 2, 0, 1, 1, 2, 0};
        TransitionEstimate t = new CountEstimator().estimate(model, traj);
        assertEquals("count", t.estimator());
        assertEquals(7, t.samples());
        // from 0: 1,1 ; from 1: 2,1,2 ; from 2: 0,0 ; 3 never
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 1.0 / 3, 2.0 / 3, 0, 1, 0, 0, 0, 0, 0, 0, 0}, t.matrix(), 1e-15);
        assertArrayEquals(new boolean[] {true, true, true, false}, t.visited());
        assertArrayEquals(new double[] {3 / 8.0, 3 / 8.0, 2 / 8.0, 0}, t.occupancy(), 1e-15);
        // stationary of [[0,1,0],[0,1/3,2/3],[1,0,0]]: π0 = π2, π1 = π0 + π1/3, π2 = 2π1/3 → (2, 3, 2)/7
        assertArrayEquals(new double[] {2 / 7.0, 3 / 7.0, 2 / 7.0, 0}, t.stationary(), 1e-14);
    }

    @Test
    void tooManyStatesAreRefused() {
        Model model = TestModels.randomModel(3, TestModels.kernel("bits", 12, null), 1, 1);
        UserError e = assertThrows(UserError.class, () -> new CountEstimator().estimate(model, new int[] {0, 1}));
        assertEquals(true, e.getMessage().contains("4096 latent states"), e.getMessage());
    }
}
