package org.nelc.core.train;

import java.util.ArrayList;
import java.util.List;
import org.nelc.api.data.Dataset;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;

/**
 * Trains one model (docs/model.md §3–5): a {@link TrainingSession} for the configuration, run epoch by epoch on the
 * paper's schedule (the minibatch grows linearly, {@link TrainingConfig#batchSize}). The session holds the
 * loop and the randomness; this class adds the schedule, the listener and the result.
 */
public final class Trainer {
    private final PluginCatalog plugins;

    public Trainer(PluginCatalog plugins) {
        this.plugins = plugins;
    }

    /** Builds an untrained model for {@code config} and {@code data} (kernels resolved by name). */
    public Model newModel(TrainingConfig config, Dataset data) {
        LatentKernel latent = plugins.latentKernel(config.latent().encoding(), config.latent().units(),
                config.normalization());
        double[] c = config.centering() ? data.mean() : new double[data.dimension()];
        return new Model(data.dimension(), latent, plugins.visibleKernel(config.visibleKernel(),
                config.visibleKernelSettings()), c);
    }

    /** Trains {@code config} on {@code data}: one {@link TrainingSession}, one epoch after another. */
    public TrainedModel train(TrainingConfig config, Dataset data, TrainingListener listener) {
        return run(TrainingSession.start(plugins, config, data), config, data, List.of(), listener);
    }

    /**
     * Runs {@code session} from its next epoch to the last of {@code config}'s schedule: the whole run for
     * a new session, the rest of it for one resumed from a checkpoint ({@code before}: the epochs it had done).
     */
    public TrainedModel run(TrainingSession session, TrainingConfig config, Dataset data, List<EpochRecord> before,
            TrainingListener listener) {
        long totalSteps = (long) config.epochs() * config.stepsPerEpoch();
        TrainingSession.StepListener onStep = (epoch, step) -> listener.onStep(epoch, step, totalSteps);
        List<EpochRecord> history = new ArrayList<>(before);
        for (int epoch = session.nextEpoch(); epoch <= config.epochs(); epoch++) {
            EpochRecord rec = session.epoch(config.batchSize(epoch - 1), config.stepsPerEpoch(), onStep);
            history.add(rec);
            listener.onEpoch(rec);
        }
        return TrainedModel.builder().model(session.model()).config(config).chain(session.chain())
                .optimizerState(session.optimizer().state()).history(List.copyOf(history))
                .data(TrainedModel.DataInfo.of(data)).seconds(session.seconds()).build();
    }
}
