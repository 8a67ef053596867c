package org.nelc.analysis.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.analysis.TestModels;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.gradient.RbmExactEstimator;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.random.SeedTree;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;

/**
 * {@code rbm-exact} is the gradient of the exact log-likelihood: against central differences of
 * {@link RbmLikelihood} over the batch, moving each tied pair {@code (w_iβ, w̄_βi)} together.
 */
class RbmExactGradientTest {
    private static final PluginCatalog PLUGINS = PluginCatalog.discover(RbmExactGradientTest.class.getClassLoader());

    @ParameterizedTest
    @CsvSource({"one-hot,3,softmax", "bits,3,factorized"})
    void isTheGradientOfTheExactLogLikelihood(String encoding, int units, String norm) {
        int d = 7;
        Model m = RbmLikelihoodTest.randomRbm(d, encoding, units, norm, 1.0, 4);
        Dataset data = TestModels.prototypes(20, d, 2, 9);
        int[] batch = new int[data.size()];
        for (int n = 0; n < batch.length; n++) {
            batch[n] = n;
        }
        ChainRecord rec = new ChainRecord(4, d, units);
        new PersistentChain(new byte[][] {new byte[d]},
                new RestorableUniformRandomProvider[] {SeedTree.root(1).child("t").stream()}).run(m, 4, rec);
        double[][] g = {new double[d * units], new double[d], new double[units * d], new double[units]};
        new RbmExactEstimator().estimate(m, data, batch, rec, ScoreFactor.PAPER, g);
        // central differences, ε = 1e-5: truncation ~ε²·|ℒ'''| and rounding ~1e-16·|ℒ|/ε, both ~1e-10;
        // 1e-7 leaves margin
        double eps = 1e-5;
        for (int i = 0; i < d; i++) {
            for (int b = 0; b < units; b++) {
                int wi = i * units + b;
                int wbi = b * d + i;
                Model plus = m.copy();
                plus.w()[wi] += eps;
                plus.wbar()[wbi] += eps;
                Model minus = m.copy();
                minus.w()[wi] -= eps;
                minus.wbar()[wbi] -= eps;
                double fd = (mean(plus, data) - mean(minus, data)) / (2 * eps);
                assertEquals(fd, g[0][wi], 1e-7, "w[" + i + "," + b + "]");
            }
            if (m.latent().trainsVisibleBias()) {
                Model plus = m.copy();
                plus.a()[i] += eps;
                Model minus = m.copy();
                minus.a()[i] -= eps;
                assertEquals((mean(plus, data) - mean(minus, data)) / (2 * eps), g[1][i], 1e-7, "a[" + i + "]");
            }
        }
        for (int b = 0; b < units; b++) {
            Model plus = m.copy();
            plus.abar()[b] += eps;
            Model minus = m.copy();
            minus.abar()[b] -= eps;
            assertEquals((mean(plus, data) - mean(minus, data)) / (2 * eps), g[3][b], 1e-7, "abar[" + b + "]");
        }
    }

    private static double mean(Model m, Dataset data) {
        return RbmLikelihood.summary(m, data).mean();
    }

    /** Trained by the exact gradient, the one-hot RBM gets close to EM (same model class: mixtures). */
    @Test
    void exactlyTrainedOneHotRbmApproachesTheMixtureCeiling() {
        Dataset data = TestModels.prototypes(300, 12, 3, 8);
        TrainingConfig neq = TrainingConfig.builder().latent("one-hot", 3).epochs(30).stepsPerEpoch(10).batch(16, 48)
                .chainSteps(24).seed(2).build();
        TrainedModel exact = new Trainer(PLUGINS).train(neq.equilibrium(RbmExactEstimator.NAME), data,
                TrainingListener.NONE);
        double llExact = RbmLikelihood.summary(exact.model(), data).mean();
        double em = BernoulliMixtureEm.fit(data, EmSettings.defaults(3, 1).withRestarts(5), 1).bestFit()
                .logLikelihood();
        assertTrue(llExact <= em + 1e-6, "EM is the ceiling: " + llExact + " vs " + em);
        assertTrue(llExact > em - 0.3, "exact-gradient RBM " + llExact + " within 0.3 nats of EM " + em);
    }
}
