package org.nelc.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.core.Fixtures;
import org.nelc.core.io.Checkpoint;
import org.nelc.core.io.ModelFile;
import org.nelc.core.plugin.PluginCatalog;

/**
 * A session stopped after any epoch, written to checkpoint.json, read back into a new session and run to
 * the end gives the bits of the uninterrupted run: parameters, optimizer state, chains (states and
 * streams), and every history column but the wall-clock seconds.
 */
class CheckpointResumeTest {
    private static final PluginCatalog PLUGINS = PluginCatalog.discover(CheckpointResumeTest.class.getClassLoader());
    private static final Dataset DATA = Fixtures.dataset(200, 20, 3, 7);

    @TempDir
    Path dir;

    private static TrainingConfig config(String optimizer) {
        return TrainerTest.small(11).toBuilder().chains(2).optimizer(optimizer).build();
    }

    @ParameterizedTest(name = "{0}, stopped after epoch {1}")
    @CsvSource({"rmsprop, 1", "rmsprop, 4", "rmsprop, 7", "adam, 3", "sgd, 5"})
    void resumedRunIsBitIdenticalToAnUninterruptedOne(String optimizer, int stopAfter) {
        TrainingConfig config = config(optimizer);
        TrainedModel whole = new Trainer(PLUGINS).train(config, DATA, TrainingListener.NONE);

        TrainingSession first = TrainingSession.start(PLUGINS, config, DATA);
        List<EpochRecord> before = new ArrayList<>();
        for (int e = 1; e <= stopAfter; e++) {
            before.add(first.epoch(config.batchSize(e - 1), config.stepsPerEpoch(), TrainingSession.StepListener.NONE));
        }
        Checkpoint.write(dir, Checkpoint.snapshot(first, config, TrainedModel.DataInfo.of(DATA)));
        // the first session goes on (as a run killed later would): the file must not share its arrays
        first.epoch(config.batchSize(stopAfter), config.stepsPerEpoch(), TrainingSession.StepListener.NONE);

        ModelFile cp = Checkpoint.read(dir, PLUGINS);
        assertEquals(stopAfter, Checkpoint.epochsDone(cp));
        TrainingSession second = TrainingSession.start(PLUGINS, cp.config(), DATA);
        Checkpoint.restore(second, cp, dir.resolve(Checkpoint.FILE));
        TrainedModel resumed = new Trainer(PLUGINS).run(second, cp.config(), DATA, before, TrainingListener.NONE);

        for (int b = 0; b < 4; b++) {
            assertArrayEquals(whole.model().blocks()[b], resumed.model().blocks()[b], 0.0);
        }
        double[][] wo = whole.optimizerState();
        double[][] ro = resumed.optimizerState();
        assertEquals(wo.length, ro.length);
        for (int i = 0; i < wo.length; i++) {
            assertArrayEquals(wo[i], ro[i], 0.0);
        }
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(whole.chain().state(k), resumed.chain().state(k));
            assertEquals(whole.chain().stream(k).nextLong(), resumed.chain().stream(k).nextLong());
        }
        assertEquals(whole.history().size(), resumed.history().size());
        for (int e = 0; e < whole.history().size(); e++) {
            EpochRecord w = whole.history().get(e);
            EpochRecord r = resumed.history().get(e);
            assertEquals(untimed(w), untimed(r), "epoch " + (e + 1) + " but its wall time");
        }
    }

    /** A row without its wall-clock seconds (records compare doubles bit for bit, NaN equal to NaN). */
    static EpochRecord untimed(EpochRecord r) {
        return r.toBuilder().seconds(0).build();
    }

    @Test
    void aModelFileIsNotACheckpoint() throws Exception {
        assertThrows(UserError.class, () -> Checkpoint.read(dir, PLUGINS));
        TrainedModel t = new Trainer(PLUGINS).train(config("rmsprop"), DATA, TrainingListener.NONE);
        org.nelc.core.io.ModelIO.write(dir.resolve(Checkpoint.FILE), t);
        UserError e = assertThrows(UserError.class, () -> Checkpoint.read(dir, PLUGINS));
        assertEquals(dir.resolve(Checkpoint.FILE) + ": missing field 'training.resume' (not a checkpoint)",
                e.getMessage());
        Files.delete(dir.resolve(Checkpoint.FILE));
    }
}
