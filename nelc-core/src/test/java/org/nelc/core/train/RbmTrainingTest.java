package org.nelc.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.core.Fixtures;
import org.nelc.core.io.ModelFile;
import org.nelc.core.io.ModelIO;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;

/** {@code --model rbm}: what the configuration makes of it, the tie kept through training, model.json. */
class RbmTrainingTest {
    private static final PluginCatalog PLUGINS = PluginCatalog.discover(RbmTrainingTest.class.getClassLoader());
    private static final Dataset DATA = Fixtures.dataset(300, 36, 3, 5);

    @TempDir
    Path dir;

    static TrainingConfig rbm(String latent, String normalization, String optimizer) {
        return TrainingConfig.builder().latent(LatentSpec.parse(latent)).normalization(normalization).optimizer(optimizer)
                .learningRate(0.05).epochs(6).stepsPerEpoch(10).batch(16, 48).chainSteps(24).chains(2).seed(3)
                .model(ModelKind.RBM).build();
    }

    @Test
    void rbmConfigurationIsAnRbm() {
        TrainingConfig c = rbm("one-hot:4", null, "rmsprop");
        assertEquals("softmax", c.normalization());
        assertEquals(false, c.centering());
        assertEquals(TrainingConfig.RBM_GRADIENT, c.gradient());
        assertEquals(ModelKind.NEQ, TrainingConfig.paper(1).model());
        TrainingConfig eq = TrainingConfig.paper(7).equilibrium();
        assertEquals(ModelKind.RBM, eq.model());
        assertEquals("softmax", eq.normalization());
        assertEquals(7, eq.seed());
        assertEquals(eq, eq.withSeed(9).withSeed(7), "withers keep the model");
    }

    @Test
    void sigmoidRatioWithTiedWeightsIsRefusedWithTheReason() {
        UserError e = assertThrows(UserError.class, () -> rbm("one-hot:4", "sigmoid-ratio", "rmsprop"));
        assertTrue(e.getMessage().contains("--model rbm") && e.getMessage().contains("softmax")
                && e.getMessage().contains("not an RBM"), e.getMessage());
        UserError g = assertThrows(UserError.class,
                () -> TrainingConfig.builder().latent("one-hot", 3).gradient("rbm-pcd").build());
        assertTrue(g.getMessage().contains("--model rbm"), g.getMessage());
        assertThrows(UserError.class, () -> ModelKind.parse("boltzmann"));
    }

    @Test
    void weightsStayTiedThroughTrainingForEveryOptimizerAndEncoding() {
        for (String latent : new String[] {"one-hot:4", "bits:3"}) {
            for (String opt : new String[] {"rmsprop", "adam", "sgd"}) {
                TrainedModel t = new Trainer(PLUGINS).train(rbm(latent, null, opt), DATA, TrainingListener.NONE);
                Model m = t.model();
                Model tied = m.copy();
                tied.tieLatentToVisible();
                assertArrayEquals(tied.wbar(), m.wbar(), 0.0, latent + " " + opt + ": w̄ = wᵀ bit for bit");
                assertArrayEquals(new double[36], m.centering(), 0.0);
                assertTrue(Double.isFinite(t.finalLogLikelihood()));
            }
        }
    }

    @Test
    void rbmTrainingImprovesTheOnTheFlyLikelihood() {
        TrainedModel t = new Trainer(PLUGINS).train(rbm("bits:3", null, "rmsprop").withSchedule(20, 10), DATA,
                TrainingListener.NONE);
        double first = t.history().get(0).logLikelihood();
        double last = t.finalLogLikelihood();
        assertTrue(last > first + 1, "on-the-fly LL " + first + " -> " + last);
    }

    @Test
    void modelJsonKeepsTheModelKind() {
        TrainedModel t = new Trainer(PLUGINS).train(rbm("one-hot:3", null, "rmsprop").withSchedule(2, 3), DATA,
                TrainingListener.NONE);
        Path f = dir.resolve("model.json");
        ModelIO.write(f, t);
        ModelFile back = ModelIO.read(f, PLUGINS);
        assertEquals(t.config(), back.config());
        assertEquals(ModelKind.RBM, back.config().model());
        assertEquals("softmax", back.model().latent().normalization());
    }
}
