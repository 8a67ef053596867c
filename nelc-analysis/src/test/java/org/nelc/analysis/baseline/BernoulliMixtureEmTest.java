package org.nelc.analysis.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.core.likelihood.LogLikelihood;

class BernoulliMixtureEmTest {
    private static final Dataset DATA = TestModels.prototypes(400, 30, 4, 17);

    /**
     * EM's monotonicity (the clipped M-step maximizes the bound over the box, so it holds with the clip).
     * Allowed slack 1e-12 relative: each history entry is a sum of N = 400 terms of size ~20, whose
     * rounding is ~N·ε·|ℒ| ≈ 1e-13·|ℒ|.
     */
    @Test
    void logLikelihoodNeverDecreases() {
        for (long seed = 1; seed <= 5; seed++) {
            EmSettings s = EmSettings.builder().components(5).restarts(3).maxIterations(200).tolerance(0.0).seed(seed).build();
            for (MixtureFit f : BernoulliMixtureEm.fit(DATA, s, 1).restarts()) {
                double[] h = f.history();
                assertTrue(h.length > 5, "several iterations ran: " + h.length);
                for (int t = 1; t < h.length; t++) {
                    assertTrue(h[t] >= h[t - 1] - 1e-12 * Math.abs(h[t - 1]),
                            "seed " + seed + " restart " + f.restart() + " iteration " + t + ": " + h[t - 1] + " -> " + h[t]);
                }
                assertTrue(h[h.length - 1] > h[0] + 1, "EM improves on the start");
            }
        }
    }

    @Test
    void reportedLikelihoodIsTheMixturesExactLikelihoodAndTheLastIterate() {
        MixtureFit f = BernoulliMixtureEm.fitOne(DATA, EmSettings.defaults(4, 3), 0);
        BernoulliMixture mix = f.mixture();
        // the one-hot model view with p̄ = π is the same mixture: core's likelihood code agrees to rounding
        double[] viaModel = LogLikelihood.perPoint(mix.asRbm(), DATA, mix.weights());
        assertArrayEquals(viaModel, f.perPoint(), 1e-10);
        // and so is the RBM it defines, by its closed-form partition function
        assertArrayEquals(RbmLikelihood.perPoint(mix.asRbm(), DATA), f.perPoint(), 1e-9);
        double[] pbar = RbmLikelihood.latentMarginal(mix.asRbm());
        assertArrayEquals(mix.weights(), pbar, 1e-12);
        assertEquals(f.history()[f.history().length - 1], f.logLikelihood(), 1e-10);
        double sum = 0;
        for (int k = 0; k < mix.components(); k++) {
            sum += mix.weight(k);
            if (k > 0) {
                assertTrue(mix.weight(k) <= mix.weight(k - 1), "components by decreasing weight");
            }
            for (int i = 0; i < mix.dimension(); i++) {
                assertTrue(mix.mean(k, i) >= 1e-6 && mix.mean(k, i) <= 1 - 1e-6, "clipped mean");
            }
        }
        assertEquals(1.0, sum, 1e-12);
        assertTrue(f.converged());
    }

    /** Four well-separated prototypes with 10% flips: EM with K = 4 recovers them, LL near the truth. */
    @Test
    void recoversPlantedPrototypes() {
        BernoulliMixtureEm.Result r = BernoulliMixtureEm.fit(DATA, EmSettings.defaults(4, 2).withRestarts(5), 2);
        // generating process: 30 independent pixels each flipped with probability 0.1 -> entropy per row
        double entropy = -30 * (0.1 * Math.log(0.1) + 0.9 * Math.log(0.9)) + Math.log(4);
        // the fit is on 400 samples, so it may beat the true entropy by overfitting a little, not by much
        assertEquals(-entropy, r.bestFit().logLikelihood(), 0.6);
        for (int k = 0; k < 4; k++) {
            assertEquals(0.25, r.bestFit().mixture().weight(k), 0.05);
        }
    }

    @Test
    void restartsAreSeededAndIndependentOfThreads() {
        EmSettings s = EmSettings.builder().components(3).restarts(4).maxIterations(50).tolerance(1e-9).seed(7).build();
        BernoulliMixtureEm.Result one = BernoulliMixtureEm.fit(DATA, s, 1);
        BernoulliMixtureEm.Result four = BernoulliMixtureEm.fit(DATA, s, 4);
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(one.restarts().get(r).mixture().means(), four.restarts().get(r).mixture().means(), 0.0);
        }
        assertEquals(one.best(), four.best());
        double best = one.bestFit().logLikelihood();
        for (MixtureFit f : one.restarts()) {
            assertTrue(f.logLikelihood() <= best);
        }
        BernoulliMixtureEm.Result other = BernoulliMixtureEm.fit(DATA, s.toBuilder().seed(8).build(), 1);
        assertTrue(other.restarts().get(0).history()[0] != one.restarts().get(0).history()[0], "another seed, another start");
    }

    @Test
    void badSettingsNameTheirFlag() {
        assertTrue(assertThrows(UserError.class, () -> EmSettings.builder().components(0).build()).getMessage()
                .contains("--components"));
        assertTrue(assertThrows(UserError.class, () -> EmSettings.builder().components(2).restarts(0).build()).getMessage()
                .contains("--restarts"));
        assertTrue(assertThrows(UserError.class, () -> EmSettings.builder().components(2).clip(0.0).build()).getMessage()
                .contains("--clip"));
    }
}
