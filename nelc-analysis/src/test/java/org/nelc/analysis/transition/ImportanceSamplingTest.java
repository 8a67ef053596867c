package org.nelc.analysis.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.analysis.entropy.EntropyProduction;
import org.nelc.analysis.exact.ExactSystem;
import org.nelc.analysis.uncertainty.Jackknife;
import org.nelc.api.diagnostic.TransitionEstimate;
import org.nelc.core.model.Model;
import org.nelc.core.random.SeedTree;

/**
 * The importance-sampled Rao-Blackwellized M on a nearly deterministic cycle, where σ (Eq. 21) is
 * carried by reverse transitions of probability below 1e-6 that a plain average of {@code Ā} over
 * {@code x ~ A} almost never sees.
 */
class ImportanceSamplingTest {
    /**
     * A planted 3-cycle (D = 12, so M and σ are exact by enumeration): prototype α (its block of 4 pixels
     * on, pixel probabilities sigmoid(±5)) goes to α+1 (logit 7 per matching pixel, ā = −26).
     */
    static Model nearlyDeterministicCycle() {
        Model m = TestModels.plantedCycle(3, 4, "sigmoid-ratio");
        for (int k = 0; k < m.wbar().length; k++) {
            if (m.wbar()[k] != 0) {
                m.wbar()[k] = 7;
            }
        }
        for (int k = 0; k < 3; k++) {
            m.abar()[k] = -26;
        }
        for (int k = 0; k < m.w().length; k++) {
            m.w()[k] = Math.signum(m.w()[k]) * 5;
        }
        return m;
    }

    @Test
    void sigmaOfANearlyDeterministicCycleIsWithinTwoPercentWhereThePlainAverageIsNot() {
        Model model = nearlyDeterministicCycle();
        ExactSystem exact = ExactSystem.of(model);
        double[] m = exact.transitionMatrix();
        for (int z = 0; z < 3; z++) {
            for (int y = 0; y < 3; y++) {
                if (y != (z + 1) % 3) {
                    assertTrue(m[z * 3 + y] <= 1e-6, "reverse and self probabilities are <= 1e-6: " + m[z * 3 + y]);
                }
            }
        }
        double sigma = exact.entropyProduction().sigma();
        int[] traj = {0, 1, 2};
        // five seeds: every one within 2 % (the default precision), the plain average off by > 10 % on each
        for (long seed = 1; seed <= 5; seed++) {
            RaoBlackwellEstimator base = new RaoBlackwellEstimator(RaoBlackwellEstimator.DEFAULT_SAMPLES,
                    SeedTree.root(seed));
            ReplicatedEstimate tilted = base.withPrecision(RaoBlackwellEstimator.DEFAULT_PRECISION,
                    RaoBlackwellEstimator.DEFAULT_MAX_SAMPLES).estimateWithReplicates(model, traj);
            double s = sigma(tilted.estimate());
            double se = Jackknife.standardError(tilted.replicates().stream().mapToDouble(ImportanceSamplingTest::sigma)
                    .toArray());
            assertEquals(sigma, s, 0.02 * sigma, "importance-sampled σ, seed " + seed);
            assertTrue(se <= 0.02 * s && tilted.note().isEmpty(), "precision reached: " + se + " " + tilted.note());
            assertTrue(Math.abs(s - sigma) <= 4 * se, "its error bar covers the exact σ: " + s + " ± " + se);
            double plain = sigma(base.withoutTilting().estimate(model, traj));
            assertTrue(Math.abs(plain / sigma - 1) > 0.10, "plain average " + plain + " vs exact " + sigma);
        }
    }

    @Test
    void everyEntryOfARandomModelIsUnbiasedWithinItsOwnError() {
        // importance sampling must not trade variance for bias: entries within 5 jackknife errors of exact;
        // seed 3 with a tempered z→x kernel (η = h/T: the tilts act on the natural parameters)
        for (long seed = 1; seed <= 3; seed++) {
            Model model = TestModels.randomModel(8, TestModels.kernel("one-hot", 4, "sigmoid-ratio"), 3, seed);
            if (seed == 3) {
                Model tempered = new Model(8, model.latent(), new org.nelc.core.kernel.TemperedKernel().configure(
                        new org.nelc.api.Settings(java.util.Map.of("T", 0.6))), model.centering());
                for (int b = 0; b < 4; b++) {
                    System.arraycopy(model.blocks()[b], 0, tempered.blocks()[b], 0, model.blocks()[b].length);
                }
                model = tempered;
            }
            double[] m = ExactSystem.of(model).transitionMatrix();
            ReplicatedEstimate r = new RaoBlackwellEstimator(4000, SeedTree.root(seed))
                    .estimateWithReplicates(model, new int[] {0});
            for (int k = 0; k < 16; k++) {
                final int e = k;
                double se = Jackknife.standardError(r.replicates().stream().mapToDouble(t -> t.matrix()[e]).toArray());
                assertEquals(m[k], r.estimate().matrix()[k], 5 * se + 1e-15, "entry " + k + " seed " + seed);
            }
        }
    }

    static double sigma(TransitionEstimate t) {
        return EntropyProduction.sigma(t.matrix(), LatentWeights.of(t), t.states());
    }
}
