package org.nelc.analysis.transition;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.analysis.uncertainty.Jackknife;
import org.nelc.api.UserError;
import org.nelc.core.model.Model;
import org.nelc.core.random.SeedTree;

/** {@code --precision} on a paper-size model (D = 780, L = 6): reached, or the cap stated. */
class PrecisionTest {
    @Test
    void thePrecisionIsReachedOrTheCapIsReported() {
        Model model = TestModels.plantedCycle(6, 130, "sigmoid-ratio");
        int[] traj = {0};
        RaoBlackwellEstimator base = new RaoBlackwellEstimator(500, SeedTree.root(3));
        ReplicatedEstimate r = base.withPrecision(0.02, 64_000).estimateWithReplicates(model, traj);
        double rel = relativeError(r);
        assertTrue(rel <= 0.02 && r.note().isEmpty() && r.method().contains("grown to"), rel + " " + r);
        // a target the cap cannot meet: the note says so, with the error reached and the draws used
        ReplicatedEstimate capped = base.withPrecision(1e-5, 1000).estimateWithReplicates(model, traj);
        assertTrue(relativeError(capped) > 1e-5, "not reached");
        assertTrue(capped.note().startsWith("precision not reached") && capped.note().contains("1000 draws per row"),
                capped.note());
        assertTrue(capped.estimate().samples() == 1000);
        assertThrows(UserError.class, () -> base.withPrecision(0, 10));
        assertThrows(UserError.class, () -> base.withPrecision(1, 10));
    }

    private static double relativeError(ReplicatedEstimate r) {
        double s = ImportanceSamplingTest.sigma(r.estimate());
        return Jackknife.standardError(r.replicates().stream().mapToDouble(ImportanceSamplingTest::sigma).toArray())
                / s;
    }
}
