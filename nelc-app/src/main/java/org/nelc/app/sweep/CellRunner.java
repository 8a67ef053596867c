package org.nelc.app.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.app.options.TrainingOptions;
import org.nelc.app.experiment.HistoryFile;
import org.nelc.core.Version;
import org.nelc.api.io.AtomicFiles;
import org.nelc.core.io.ModelIO;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.EpochRecord;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;

/**
 * Runs one cell: trains the model its configuration describes, as {@code nelc train} with the same flags
 * would (same bits), then evaluates it precisely (docs/model.md §6–7, {@link Evaluator}, seeded by the cell's
 * seed, starting from the model's saved chain), writing the files of {@link CellFiles} in their order,
 * {@code done} last. The caller holds the cell's {@link CellLock}.
 *
 * <p>(The per-model runner of {@code nelc reproduce} was not in the tree when this was written; this is
 * the minimum a sweep needs. When it lands, a cell should run through it.)
 */
public final class CellRunner {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Loads (and may cache) a dataset. */
    public interface Data {
        Dataset load(Path data, DataSelection selection);
    }

    /** What a finished cell reports. */
    public record Outcome(Evaluation evaluation, double trainSeconds, double evaluateSeconds) {
    }

    private final PluginCatalog plugins;
    private final Data data;

    public CellRunner(PluginCatalog plugins, Data data) {
        this.plugins = plugins;
        this.data = data;
    }

    public Outcome run(Manifest manifest, Manifest.Cell cell, CellFiles files) {
        writeJson(files.cellJson(), cellJson(cell));
        TrainingOptions options = TrainingFlags.parse(cell.training());
        TrainingConfig config = options.config();
        Dataset dataset = data.load(options.data(), options.selection());
        // the header now, a row per epoch after it: linear in the epochs, as train's history
        HistoryFile.write(files.history(), List.of());
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochRecord record) {
                HistoryFile.append(files.history(), record);
            }
        };
        long t0 = System.nanoTime();
        TrainedModel trained = new Trainer(plugins).train(config, dataset, listener);
        ModelIO.write(files.model(), trained);
        long t1 = System.nanoTime();
        Manifest.EvaluationSettings ev = manifest.evaluation();
        Evaluation evaluation = new Evaluator(plugins.diagnostics()).evaluate(trained.model(), dataset,
                trained.chain().state(0), ev.options(cell.seed()))
                .forModel(org.nelc.app.rundir.ModelEvaluations.fingerprint(files.model()));
        evaluation.write(files.evaluation());
        long t2 = System.nanoTime();
        Outcome outcome = new Outcome(evaluation, (t1 - t0) * 1e-9, (t2 - t1) * 1e-9);
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("id", cell.id());
        done.put("finished", Instant.now().toString());
        done.put("host", Hosts.local());
        done.put("pid", ProcessHandle.current().pid());
        done.put("slurmJob", Hosts.slurmTask());
        done.put("trainSeconds", outcome.trainSeconds());
        done.put("evaluateSeconds", outcome.evaluateSeconds());
        done.put("nelcVersion", Version.VERSION);
        writeJson(files.done(), done);
        return outcome;
    }

    /** Records why a cell failed (its own fault: a bad value, a divergence — or a bug, with its trace). */
    public static void writeFailure(CellFiles files, Manifest.Cell cell, Throwable error, boolean userError) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", cell.id());
        f.put("when", Instant.now().toString());
        f.put("host", Hosts.local());
        f.put("kind", userError ? "user" : "error");
        f.put("message", error.getMessage() == null ? error.toString() : error.getMessage());
        if (!userError) {
            java.io.StringWriter sw = new java.io.StringWriter();
            error.printStackTrace(new java.io.PrintWriter(sw));
            f.put("trace", sw.toString());
        }
        writeJson(files.failed(), f);
    }

    static Map<String, Object> cellJson(Manifest.Cell cell) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", cell.id());
        c.put("index", cell.index());
        c.put("seed", cell.seed());
        c.put("setting", cell.setting());
        c.put("training", cell.training());
        c.put("train", "nelc train " + String.join(" ", TrainingFlags.arguments(cell.training())));
        return c;
    }

    static void writeJson(Path file, Object value) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(value) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
