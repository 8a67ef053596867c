package org.nelc.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nelc.api.data.Dataset;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.Fixtures;
import org.nelc.core.gradient.TwoStepEstimator;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.random.SeedTree;

class TrainingSessionTest {
    private static final PluginCatalog PLUGINS = PluginCatalog.discover(TrainingSessionTest.class.getClassLoader());
    private static final Dataset DATA = Fixtures.dataset(200, 20, 3, 7);

    /** The phases called one by one are step(): the benchmarks time exactly what the trainer runs. */
    @Test
    void phasesInOrderAreAStep() {
        TrainingConfig config = TrainerTest.small(5);
        TrainingSession whole = TrainingSession.start(PLUGINS, config, DATA);
        TrainingSession phased = TrainingSession.start(PLUGINS, config, DATA);
        for (int s = 0; s < 12; s++) {
            int size = 16 + s;
            double ll = whole.step(size);
            phased.drawMinibatch(size);
            phased.invalidateTables();
            phased.runChain();
            phased.recordTransitions();
            assertEquals(ll, phased.estimateGradient(), 0.0);
            phased.applyGradient();
        }
        for (int b = 0; b < 4; b++) {
            assertArrayEquals(whole.model().blocks()[b], phased.model().blocks()[b], 0.0);
        }
        assertArrayEquals(whole.chain().state(0), phased.chain().state(0));
        assertEquals(12, phased.steps());
    }

    /** Trainer.train is the session's epochs on the schedule: the same history and parameters. */
    @Test
    void trainerIsTheSessionOnTheSchedule() {
        TrainingConfig config = TrainerTest.small(6);
        TrainedModel trained = new Trainer(PLUGINS).train(config, DATA, TrainingListener.NONE);
        TrainingSession session = TrainingSession.start(PLUGINS, config, DATA);
        for (int e = 1; e <= config.epochs(); e++) {
            EpochRecord rec = session.epoch(config.batchSize(e - 1), config.stepsPerEpoch(),
                    TrainingSession.StepListener.NONE);
            EpochRecord want = trained.history().get(e - 1);
            assertEquals(want.epoch(), rec.epoch());
            assertEquals(want.step(), rec.step());
            assertEquals(want.logLikelihood(), rec.logLikelihood(), 0.0);
            assertEquals(want.sigma(), rec.sigma(), 0.0);
            assertEquals(want.sigmaRaoBlackwell(), rec.sigmaRaoBlackwell(), 0.0);
        }
        for (int b = 0; b < 4; b++) {
            assertArrayEquals(trained.model().blocks()[b], session.model().blocks()[b], 0.0);
        }
    }

    @Test
    void builderRefusesMissingPartsAndOversizedBatches() {
        TrainingConfig config = TrainerTest.small(1);
        Model model = new Trainer(PLUGINS).newModel(config, DATA);
        assertThrows(IllegalStateException.class, () -> TrainingSession.builder(model, DATA).build());
        TrainingSession.Builder b = TrainingSession.builder(model, DATA).estimator(new TwoStepEstimator())
                .optimizer(PLUGINS.optimizer("sgd").create(
                        new org.nelc.api.optim.OptimizerSettings(0.1, java.util.Map.of()), model.blockSizes()))
                .score(ScoreFactor.PAPER).seeds(SeedTree.root(1)).largestBatch(DATA.size() + 1);
        assertThrows(IllegalArgumentException.class, b::build);
    }
}
