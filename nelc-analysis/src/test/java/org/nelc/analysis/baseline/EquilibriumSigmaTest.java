package org.nelc.analysis.baseline;

import org.nelc.analysis.evaluate.MeasurementKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.analysis.TestModels;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.analysis.exact.ExactSystem;
import org.nelc.api.data.Dataset;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.LatentSpec;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;

/**
 * The RBM and the nonequilibrium model trained on the same small data (D = 10), their exact σ by
 * enumeration (SPEC §8): the RBM's chain satisfies detailed balance (σ = 0 up to rounding of M's
 * entries), the nonequilibrium model's does not. Then the same through the estimators {@code nelc
 * evaluate} uses.
 */
class EquilibriumSigmaTest {
    private static final PluginCatalog PLUGINS = PluginCatalog.discover(EquilibriumSigmaTest.class.getClassLoader());
    private static final Dataset DATA = TestModels.prototypes(300, 10, 3, 21);

    static TrainingConfig neq(String latent, String normalization, long seed) {
        return TrainingConfig.builder().latent(LatentSpec.parse(latent)).normalization(normalization).epochs(30)
                .stepsPerEpoch(10).batch(16, 48).chainSteps(24).seed(seed).build();
    }

    @ParameterizedTest
    @CsvSource({"one-hot:3,sigmoid-ratio,1", "one-hot:4,sigmoid-ratio,2", "bits:2,factorized,3"})
    void rbmIsReversibleAndTheNonequilibriumModelIsNot(String latent, String normalization, long seed) {
        TrainingConfig config = neq(latent, normalization, seed);
        TrainedModel neq = new Trainer(PLUGINS).train(config, DATA, TrainingListener.NONE);
        TrainedModel rbm = new Trainer(PLUGINS).train(config.equilibrium(), DATA, TrainingListener.NONE);
        assertNull(RbmLikelihood.whyNotRbm(rbm.model()));

        ExactSystem exactRbm = ExactSystem.of(rbm.model());
        ExactSystem exactNeq = ExactSystem.of(neq.model());
        double sigmaRbm = exactRbm.entropyProduction().sigma();
        double sigmaNeq = exactNeq.entropyProduction().sigma();
        // M's entries carry rounding ~1e-16 (sums over 2^10 configurations); σ of an exactly reversible
        // M is then ~1e-15 or below
        assertEquals(0.0, sigmaRbm, 1e-12, "RBM exact σ");
        assertTrue(sigmaNeq > 1e-3, "NEQ exact σ = " + sigmaNeq);
        // the RBM's closed form is the chain's exact stationary law
        assertEquals(exactRbm.logLikelihood(DATA), RbmLikelihood.summary(rbm.model(), DATA).mean(), 1e-9);

        // the estimators of `nelc evaluate`: the Rao-Blackwellized σ of the RBM is sampling noise only
        Evaluator evaluator = new Evaluator(Evaluator.discoverDiagnostics());
        EvaluationOptions options = new EvaluationOptions(5, 20_000, 500, 2000);
        Evaluation er = evaluator.evaluate(rbm.model(), DATA, options);
        Evaluation en = evaluator.evaluate(neq.model(), DATA, options);
        assertTrue(er.value(MeasurementKey.SIGMA) < 0.01, "RBM RB σ = " + er.value(MeasurementKey.SIGMA));
        assertTrue(en.value(MeasurementKey.SIGMA) > 10 * er.value(MeasurementKey.SIGMA),
                "NEQ RB σ = " + en.value(MeasurementKey.SIGMA) + " vs RBM " + er.value(MeasurementKey.SIGMA));
        assertEquals(sigmaNeq, en.value(MeasurementKey.SIGMA), 0.2 * sigmaNeq + 0.01, "RB σ near the exact σ");
    }
}
