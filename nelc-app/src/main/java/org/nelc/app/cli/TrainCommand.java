package org.nelc.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.nelc.api.UserError;
import com.google.inject.Inject;
import org.nelc.api.data.Dataset;
import org.nelc.app.options.TrainingOptions;
import org.nelc.app.progress.ProgressBar;
import org.nelc.app.wiring.DataLoader;
import org.nelc.app.experiment.HistoryFile;
import org.nelc.app.rundir.Interrupted;
import org.nelc.app.rundir.ModelEvaluations;
import org.nelc.app.rundir.RunDirectory;
import org.nelc.app.rundir.RunManifest;
import org.nelc.app.rundir.Staging;
import org.nelc.api.io.AtomicFiles;
import org.nelc.core.io.Checkpoint;
import org.nelc.core.io.ModelFile;
import org.nelc.core.io.ModelIO;
import org.nelc.core.train.EpochRecord;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;
import org.nelc.core.train.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train one model with the paper's algorithm (docs/model.md §3-5). Defaults are the paper's: one-hot "
            + "L=6, sigmoid-ratio, paper score, RMSprop lr 0.1, 120 epochs x 30 steps, batch 16->160, T=48, on "
            + "MNIST digits 0,1,2 (1000 each); on other data classes 0,1,2, or every row when it has no labels.",
            "Writes OUT/model.json and OUT/history.csv (a row appended after every epoch). While it runs, "
            + "OUT/checkpoint.json is written every --checkpoint-every epochs and on INT/TERM; "
            + "'train --resume OUT' continues from it bit-identically to an uninterrupted run.",
            "OUT is locked while train writes it and records what made it (OUT/nelc-run.json); a directory made with "
            + "other settings is refused unless --force. Retraining over a finished run writes the new files in "
            + "OUT/.nelc-next/ and switches them in together at the end (docs/reliability.md, Run directories)."})
public final class TrainCommand implements Runnable {
    /** The options that may accompany --resume: the rest come from the checkpoint. */
    private static final List<String> RESUME_OPTIONS = List.of("--resume", "--quiet", "--checkpoint-every");

    @ParentCommand
    NelcCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/seed-<seed>).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run that DIR/checkpoint.json "
            + "left (killed or interrupted), with its configuration and data: no other training flags.")
    Path resume;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "Epochs between checkpoints (default: "
            + "${DEFAULT-VALUE}; written in the background, a few %% of the paper run's CPU: docs/reliability.md).")
    int checkpointEvery = 20;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--force", description = "Train into OUT even though it was made with other settings (its files "
            + "are replaced together when this run ends).")
    boolean force;

    @Inject
    PluginCatalog plugins;

    @Inject
    Trainer trainer;

    @Inject
    DataLoader dataLoader;

    @Override
    public void run() {
        root.context().inject(this);
        PrintWriter o = root.spec.commandLine().getOut();
        OutputFiles.named("--out", out);
        OutputFiles.named("--resume", resume);
        if (checkpointEvery < 1) {
            throw new UserError("--checkpoint-every: must be at least 1, got " + checkpointEvery);
        }
        PrintWriter err = root.spec.commandLine().getErr();
        if (resume != null) {
            for (OptionSpec opt : spec.commandLine().getParseResult().matchedOptions()) {
                if (!RESUME_OPTIONS.contains(opt.longestName())) {
                    throw new UserError(opt.longestName() + ": not allowed with --resume (the run continues with "
                            + "the configuration and data of its checkpoint)");
                }
            }
            if (!Files.isDirectory(resume)) {
                throw new UserError("--resume " + resume + ": no such directory");
            }
            try (RunDirectory run = RunDirectory.lock("--resume", resume, err)) {
                train(run, o);
            }
            return;
        }
        TrainingConfig config = options.config();
        Dataset data = dataLoader.load(options.data(), options.selection());
        Path dir = out != null ? out : Path.of("runs", "seed-" + config.seed());
        try (RunDirectory run = RunDirectory.open("--out", dir, spec, data, err)) {
            run.checkAgainst(dir, force);
            if (Files.isRegularFile(Staging.of(dir).resolve(Checkpoint.FILE))) {
                run.checkAgainst(Staging.of(dir), force); // an unfinished retrain: this run replaces it
            }
            train(run, o, config, data);
        }
    }

    /** Resumes the run in {@code run}'s directory: from its staging directory when a retrain was stopped there. */
    private void train(RunDirectory run, PrintWriter o) {
        train(run, o, null, null);
    }

    /**
     * Trains into {@code run}'s directory: a new run ({@code config}, {@code data}) or the resumed one (null).
     * A new run over the files of another writes them into the staging directory and switches them in at the
     * end ({@link Staging}), so that a run killed at any point leaves the old files together.
     */
    private void train(RunDirectory run, PrintWriter o, TrainingConfig newConfig, Dataset newData) {
        TrainingConfig config;
        Dataset data;
        Path dir = run.dir();
        Path work;
        TrainingSession session;
        List<EpochRecord> before;
        if (newConfig == null) {
            work = Files.isRegularFile(Staging.of(dir).resolve(Checkpoint.FILE)) ? Staging.of(dir) : dir;
            ModelFile cp = Checkpoint.read(work, plugins);
            config = cp.config();
            data = dataLoader.load(options.dataOptions().path(cp.data(), dir.resolve(Checkpoint.FILE)),
                    options.dataOptions().selection(cp.data()));
            if (!data.fingerprint().equals(cp.data().fingerprint())) {
                throw new UserError(work.resolve(Checkpoint.FILE) + ": the data changed since the checkpoint "
                        + "(fingerprint " + data.fingerprint() + ", recorded " + cp.data().fingerprint() + ")");
            }
            session = TrainingSession.start(plugins, config, data);
            Checkpoint.restore(session, cp, work.resolve(Checkpoint.FILE));
            before = HistoryFile.readPrefix(work.resolve("history.csv"), Checkpoint.epochsDone(cp));
            HistoryFile.write(work.resolve("history.csv"), before);
            o.println(describe(data));
            o.println("resuming " + dir + " after epoch " + Checkpoint.epochsDone(cp) + " of " + config.epochs());
        } else {
            config = newConfig;
            data = newData;
            o.println(describe(data));
            boolean replacing = Files.exists(dir.resolve("model.json")) || Files.exists(dir.resolve("history.csv"));
            work = replacing ? Staging.fresh(dir) : dir;
            run.writeManifest(work);
            session = TrainingSession.start(plugins, config, data);
            before = List.of();
            HistoryFile.write(work.resolve("history.csv"), before);
            deleteCheckpoint(work);
        }
        Path historyFile = work.resolve("history.csv");
        TrainedModel.DataInfo info = TrainedModel.DataInfo.of(data);
        Keeper keeper = new Keeper(dir, work, historyFile, before.size());
        ProgressBar bar = new ProgressBar(System.err, ProgressBar.interactive(quiet));
        EpochRecord[] last = {before.isEmpty() ? null : before.get(before.size() - 1)};
        TrainingConfig cfg = config;
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(int epoch, long step, long totalSteps) {
                bar.update(step, totalSteps, () -> "epoch " + epoch + "/" + cfg.epochs()
                        + (last[0] == null ? "" : String.format(Locale.ROOT, "  ll %.2f", last[0].logLikelihood())));
            }

            @Override
            public void onEpoch(EpochRecord record) {
                last[0] = record;
                HistoryFile.append(historyFile, record);
                keeper.epochDone(Checkpoint.snapshot(session, cfg, info), record.epoch() % checkpointEvery == 0);
            }
        };
        run.whenInterrupted(keeper::interrupted);
        TrainedModel trained;
        try {
            trained = trainer.run(session, config, data, before, listener);
        } finally {
            bar.finish();
            run.whenInterrupted(null); // from here on INT/TERM only releases the lock: model.json is atomic
        }
        ModelIO.write(work.resolve("model.json"), trained);
        if (keeper.finished() && !work.equals(dir)) {
            Staging.commit(dir, List.of("history.csv", "model.json", RunManifest.FILE),
                    List.of(ModelEvaluations.FILE, Checkpoint.FILE));
        }
        List<EpochRecord> rows = trained.history();
        o.printf(Locale.ROOT, "trained %s in %.2f s (%d steps)%n", config.latent(), trained.seconds(),
                rows.isEmpty() ? 0 : rows.get(rows.size() - 1).step());
        o.printf(Locale.ROOT, "final on-the-fly log-likelihood: %.3f nats/image%n", trained.finalLogLikelihood());
        EpochRecord lastRow = rows.get(rows.size() - 1);
        o.printf(Locale.ROOT, "final sigma (last epoch's chain): %.4f nats/step Rao-Blackwellized, %.4f from counts "
                + "(%d one-way pairs skipped)%n", lastRow.sigmaRaoBlackwell(), lastRow.sigma(), lastRow.oneWayPairs());
        o.println("wrote " + dir.resolve("model.json") + " and " + historyFile);
    }

    /**
     * Keeps the newest snapshot (taken after every epoch: a copy of the parameters, chains, optimizer state
     * and minibatch permutation, microseconds) and has a background thread write it every
     * {@code --checkpoint-every} epochs, so that training never waits for the disk (a durable write is
     * mostly fsync latency; when one is still under way the next waits and only the newest is written).
     * The INT/TERM hook writes the newest snapshot when it is newer than the last one written, and then
     * nothing more is written. The history always has at least the snapshot's epochs: a row is appended
     * before the snapshot is taken.
     */
    private static final class Keeper {
        private final Path dir;
        private final Path work;
        private final Path history;
        private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nelc-train-checkpoint-writer");
            t.setDaemon(true);
            return t;
        });
        private final AtomicReference<ModelFile> pending = new AtomicReference<>();
        private volatile ModelFile latest;
        private volatile RuntimeException failure;
        private volatile int written;
        private volatile boolean done;
        private boolean stopping;

        Keeper(Path dir, Path work, Path history, int resumedAt) {
            this.dir = dir;
            this.work = work;
            this.history = history;
            this.written = resumedAt;
        }

        void epochDone(ModelFile snapshot, boolean write) {
            if (failure != null) {
                throw failure;
            }
            latest = snapshot;
            if (write && pending.getAndSet(snapshot) == null) {
                writer.execute(() -> {
                    try {
                        save(pending.getAndSet(null), false);
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                });
            }
        }

        /** Writes {@code snapshot} when newer than the checkpoint; after the hook's call ({@code last}) nothing more. */
        private synchronized void save(ModelFile snapshot, boolean last) {
            if (stopping || snapshot == null) {
                return;
            }
            stopping = last;
            int epochs = Checkpoint.epochsDone(snapshot);
            if (epochs > written) {
                Checkpoint.write(work, snapshot);
                written = epochs;
            }
        }

        /**
         * The run finished and model.json is written: the checkpoint has nothing left to resume, unless INT/TERM
         * came first and its line promised it (then it stays, and resuming it gives this model.json again:
         * false).
         */
        boolean finished() {
            writer.shutdown();
            try {
                writer.awaitTermination(1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                if (stopping) {
                    return false;
                }
                done = true;
            }
            deleteCheckpoint(work);
            return true;
        }

        void interrupted() {
            synchronized (this) {
                if (done) {
                    return;
                }
                ModelFile s = latest;
                if (s != null) {
                    save(s, true);
                }
                stopping = true;
            }
            Interrupted.say(written == 0
                    ? "no epoch had ended, nothing to resume (" + history + " has no rows)"
                    : "kept " + history + " and " + work.resolve(Checkpoint.FILE) + " (epoch " + written
                            + (work.equals(dir) ? "" : "; the finished run's files in " + dir + " are untouched")
                            + "); continue with: nelc train --resume " + dir);
        }
    }

    /** Removes DIR/checkpoint.json: at the end of a run, and at the start of a new one (it belongs to another). */
    private static void deleteCheckpoint(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(Checkpoint.FILE));
        } catch (java.io.IOException e) {
            throw new UserError("cannot remove " + dir.resolve(Checkpoint.FILE) + ": " + AtomicFiles.reason(e));
        }
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
