package org.nelc.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nelc.api.data.Dataset;
import org.nelc.app.progress.ProgressBar;
import org.nelc.app.experiment.HistoryFile;
import org.nelc.core.io.ModelIO;
import org.nelc.core.train.EpochRecord;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train one model with the paper's algorithm (SPEC §3-5). Defaults are the paper's: one-hot "
            + "L=6, sigmoid-ratio, paper score, RMSprop lr 0.1, 120 epochs x 30 steps, batch 16->160, T=48, on "
            + "MNIST digits 0,1,2 (1000 each); on other data classes 0,1,2, or every row when it has no labels.",
            "Writes OUT/model.json and OUT/history.csv (rewritten atomically after every epoch)."})
public final class TrainCommand implements Runnable {
    @ParentCommand
    NelcCommand root;

    @Mixin
    TrainingOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/seed-<seed>).")
    Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public void run() {
        PrintWriter o = root.spec.commandLine().getOut();
        TrainingConfig config = options.config();
        Dataset data = root.context().loadData(options.data(), options.selection());
        o.println(describe(data));
        Path dir = out != null ? out : Path.of("runs", "seed-" + config.seed());
        Path historyFile = dir.resolve("history.csv");
        ProgressBar bar = new ProgressBar(System.err, ProgressBar.interactive(quiet));
        List<EpochRecord> rows = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(int epoch, long step, long totalSteps) {
                bar.update(step, totalSteps, "epoch " + epoch + "/" + config.epochs()
                        + (rows.isEmpty() ? "" : String.format(Locale.ROOT, "  ll %.2f", rows.get(rows.size() - 1).logLikelihood())));
            }

            @Override
            public void onEpoch(EpochRecord record) {
                rows.add(record);
                HistoryFile.write(historyFile, rows);
            }
        };
        TrainedModel trained;
        try {
            trained = new Trainer(root.context().plugins()).train(config, data, listener);
        } finally {
            bar.finish();
        }
        ModelIO.write(dir.resolve("model.json"), trained);
        o.printf(Locale.ROOT, "trained %s in %.2f s (%d steps)%n", config.latent(), trained.seconds(),
                rows.isEmpty() ? 0 : rows.get(rows.size() - 1).step());
        o.printf(Locale.ROOT, "final on-the-fly log-likelihood: %.3f nats/image%n", trained.finalLogLikelihood());
        EpochRecord last = rows.get(rows.size() - 1);
        o.printf(Locale.ROOT, "final sigma (last epoch's chain): %.4f nats/step Rao-Blackwellized, %.4f from counts "
                + "(%d one-way pairs skipped)%n", last.sigmaRaoBlackwell(), last.sigma(), last.oneWayPairs());
        o.println("wrote " + dir.resolve("model.json") + " and " + historyFile);
    }

    static String describe(Dataset data) {
        StringBuilder sb = new StringBuilder("data: ").append(data.source()).append(" — ");
        List<String> parts = new ArrayList<>();
        var names = data.classNames();
        data.classCounts().forEach((k, v) -> parts.add((k < 0 ? "unlabeled" : "class " + k
                + (names.containsKey(k) ? " (" + names.get(k) + ")" : "")) + ": " + v));
        sb.append(String.join(", ", parts));
        sb.append(" (").append(data.size()).append(" rows, D=").append(data.dimension()).append(')');
        return sb.toString();
    }
}
