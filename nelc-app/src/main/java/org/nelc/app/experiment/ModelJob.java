package org.nelc.app.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.app.rundir.ModelEvaluations;
import org.nelc.app.rundir.Staging;
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
 * Trains and evaluates one model of an ensemble into {@code DIR/models/seed-XX/}. A new model's
 * {@code history.csv} and {@code model.json} are written into the staging directory and switched in
 * together ({@link Staging}: the old {@code evaluation.json} is deleted first, so its presence always
 * means "this model is complete"); then {@code evaluation.json}, which records the fingerprint of
 * {@code model.json}. A run killed at any point leaves either the old model's files or the new ones, never
 * a mix. With {@code resume}, a {@code model.json} + {@code history.csv} made with the same settings and
 * data is reused instead of retrained, and an {@code evaluation.json} of that very model file with the same
 * evaluation settings instead of re-evaluated.
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

        Staging.recover(layout.modelDir(seed));
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
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onStep(int epoch, long step, long totalSteps) {
                    progress.progress(seed, EnsembleProgress.TRAINING_SHARE * step / totalSteps);
                }
            };
            TrainedModel t = new Trainer(plugins).train(config, data, listener);
            Path next = Staging.fresh(layout.modelDir(seed));
            HistoryFile.write(next.resolve(EnsembleLayout.HISTORY_FILE), t.history());
            ModelIO.write(next.resolve(EnsembleLayout.MODEL_FILE), t);
            Staging.commit(layout.modelDir(seed), List.of(EnsembleLayout.HISTORY_FILE, EnsembleLayout.MODEL_FILE),
                    List.of(EnsembleLayout.EVALUATION_FILE));
            model = t.model();
            chainState = t.chain().state(0);
            history = t.history();
            seconds = t.seconds();
        }
        progress.progress(seed, EnsembleProgress.TRAINING_SHARE);
        String fingerprint = ModelEvaluations.fingerprint(modelFile);
        Evaluation evaluation = !trained ? reusableEvaluation(evaluationFile, options, fingerprint) : null;
        boolean evaluated = evaluation == null;
        if (evaluated) {
            evaluation = evaluator.evaluate(model, data, chainState, options).forModel(fingerprint);
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

    /**
     * The evaluation file if it is that of the model file with {@code fingerprint}, made with {@code options}
     * on this data; else null (it is evaluated again).
     */
    private Evaluation reusableEvaluation(Path file, EvaluationOptions options, String fingerprint) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Evaluation e = ModelEvaluations.read(file);
            boolean same = ModelEvaluations.foreign(e, fingerprint).isEmpty()
                    && ModelEvaluations.settingsDifference(e, options, data.fingerprint()).isEmpty();
            return same ? e : null;
        } catch (UserError e) {
            return null;
        }
    }
}
