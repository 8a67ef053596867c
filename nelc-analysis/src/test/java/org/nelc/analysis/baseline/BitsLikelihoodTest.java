package org.nelc.analysis.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.analysis.exact.ExactSystem;
import org.nelc.api.data.Dataset;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.likelihood.LogLikelihood;
import org.nelc.core.likelihood.PreciseLikelihood;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.random.SeedTree;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;

/**
 * The bits latent end to end on a small system: train {@code bits:3} on D = 9, then the precise
 * log-likelihood (SPEC §6: occupancy of a long chain, summed over the 2^L states) against the exact
 * stationary law by enumeration of 2^9 · 2^3 states.
 */
class BitsLikelihoodTest {
    private static final PluginCatalog PLUGINS = PluginCatalog.discover(BitsLikelihoodTest.class.getClassLoader());
    private static final Dataset DATA = TestModels.prototypes(240, 9, 3, 4);

    @Test
    void preciseLikelihoodOverTwoToTheLStatesMatchesTheExactReference() {
        TrainingConfig config = TrainingConfig.builder().latent("bits", 3).epochs(20).stepsPerEpoch(10).batch(16, 48)
                .chainSteps(24).seed(6).build();
        Model model = new Trainer(PLUGINS).train(config, DATA, TrainingListener.NONE).model();
        ExactSystem exact = ExactSystem.of(model);
        double reference = exact.logLikelihood(DATA);

        // with the exact p̄ the summation over states is exact: rounding only
        double[] viaExactWeights = LogLikelihood.perPoint(model, DATA, exact.latentStationary());
        assertEquals(reference, LogLikelihood.summarize(viaExactWeights).mean(), 1e-10);

        // with the occupancy of a chain of T = 2e5 double steps the weights carry sampling error: p̄ of a
        // state visited with frequency p has s.d. ~ sqrt(p τ_int / T) ≈ 0.003 relative at p ≈ 0.1, which
        // moves log p(x) by a few 1e-3 nats; 0.02 nats is well outside that and far inside any real error
        PersistentChain chain = new PersistentChain(new byte[][] {new byte[9]},
                new RestorableUniformRandomProvider[] {SeedTree.root(3).child("test").stream()});
        PreciseLikelihood.Result precise = PreciseLikelihood.compute(model, DATA, chain, 1000, 200_000);
        assertEquals(reference, precise.summary().mean(), 0.02);
        double[] pbar = exact.latentStationary();
        for (int s = 0; s < 8; s++) {
            assertEquals(pbar[s], precise.occupancy()[s], 0.01, "occupancy of state " + s);
        }
    }
}
