package org.nelc.app.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.core.io.ModelFile;
import org.nelc.core.io.ModelIO;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.EpochRecord;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;

/**
 * Trains and evaluates one model of an ensemble into {@code DIR/models/seed-XX/}. Files are written
 * atomically in the order {@code history.csv}, {@code model.json}, {@code evaluation.json}; a stale
 * {@code evaluation.json} is deleted before training starts, so its presence always means "this model is
 * complete". With {@code resume}, a {@code model.json} + {@code history.csv} made with the same settings
 * and data is reused instead of retrained, and a matching {@code evaluation.json} instead of re-evaluated.
 */
final class ModelJob {
    private final PluginCatalog plugins;
    private final Dataset data;
    private final Evaluator evaluator;
    private final boolean resume;

    ModelJob(PluginCatalog plugins, Dataset data, Evaluator evaluator, boolean resume) {
        this.plugins = plugins;
        this.data = data;
        this.evaluator = evaluator;
        this.resume = resume;
    }

    ModelRun run(EnsemblePlan plan, EnsembleLayout layout, long seed, EnsembleProgress progress) {
        TrainingConfig config = plan.config(seed);
        EvaluationOptions options = plan.evaluation(seed);
        Path modelFile = layout.modelFile(seed);
        Path historyFile = layout.historyFile(seed);
        Path evaluationFile = layout.evaluationFile(seed);

        ModelFile existing = resume ? reusableModel(modelFile, historyFile, config) : null;
        Model model;
        byte[] chainState;
        List<EpochRecord> history;
        double seconds;
        boolean trained = existing == null;
        if (existing != null) {
            model = existing.model();
            chainState = existing.chainVisible()[0];
            history = HistoryFile.read(historyFile);
            seconds = existing.training().get("seconds") instanceof Number n ? n.doubleValue() : Double.NaN;
        } else {
            deleteIfExists(evaluationFile);
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onStep(int epoch, long step, long totalSteps) {
                    progress.progress(seed, EnsembleProgress.TRAINING_SHARE * step / totalSteps);
                }
            };
            TrainedModel t = new Trainer(plugins).train(config, data, listener);
            HistoryFile.write(historyFile, t.history());
            ModelIO.write(modelFile, t);
            model = t.model();
            chainState = t.chain().state(0);
            history = t.history();
            seconds = t.seconds();
        }
        progress.progress(seed, EnsembleProgress.TRAINING_SHARE);
        Evaluation evaluation = !trained ? reusableEvaluation(evaluationFile, options) : null;
        boolean evaluated = evaluation == null;
        if (evaluated) {
            evaluation = evaluator.evaluate(model, data, chainState, options);
            evaluation.write(evaluationFile);
        }
        return ModelRun.builder().seed(seed).dir(layout.modelDir(seed))
                .summary(ModelSummary.of(seed, evaluation, history, seconds)).evaluation(evaluation).history(history)
                .trained(trained).evaluated(evaluated).build();
    }

    /** The model file if it was made with {@code config} on this data and its history exists; else null. */
    private ModelFile reusableModel(Path modelFile, Path historyFile, TrainingConfig config) {
        if (!Files.isRegularFile(modelFile) || !Files.isRegularFile(historyFile)) {
            return null;
        }
        ModelFile mf;
        try {
            mf = ModelIO.read(modelFile, plugins);
        } catch (UserError e) {
            return null; // unreadable: train it again
        }
        if (!config.equals(mf.config()) || mf.data() == null || !data.fingerprint().equals(mf.data().fingerprint())
                || mf.chainVisible().length == 0) {
            return null;
        }
        try {
            List<EpochRecord> h = HistoryFile.read(historyFile);
            return h.size() == config.epochs() ? mf : null;
        } catch (UserError e) {
            return null;
        }
    }

    /** The evaluation file if it was made with {@code options} on this data; else null. */
    private Evaluation reusableEvaluation(Path file, EvaluationOptions options) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Evaluation e = Evaluation.fromJson(Files.readString(file));
            boolean same = e.seed() == options.seed() && e.chainLength() == options.chainLength()
                    && e.burnIn() == options.burnIn() && e.rbSamples() == options.rbSamples() && e.data() != null
                    && data.fingerprint().equals(e.data().fingerprint());
            return same ? e : null;
        } catch (IOException | UserError e) {
            return null;
        }
    }

    private static void deleteIfExists(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": cannot delete the stale file", e);
        }
    }
}
