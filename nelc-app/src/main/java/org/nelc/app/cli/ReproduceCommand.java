package org.nelc.app.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nelc.analysis.evaluate.EvaluationMemory;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.core.train.MemoryBudget;
import org.nelc.core.train.TrainingConfig;
import org.nelc.app.experiment.EnsembleLayout;
import org.nelc.app.experiment.EnsemblePlan;
import org.nelc.app.experiment.EnsembleProgressSink;
import org.nelc.app.experiment.EnsembleResult;
import org.nelc.app.experiment.EnsembleRunner;
import org.nelc.app.experiment.SeedRange;
import org.nelc.app.experiment.Variant;
import org.nelc.app.options.TrainingOptions;
import org.nelc.app.progress.ProgressBar;
import org.nelc.app.report.Claim;
import org.nelc.app.report.ClaimReport;
import org.nelc.app.report.EnsembleArtifacts;
import org.nelc.app.report.Headless;
import org.nelc.app.report.Regimes;
import org.nelc.app.report.ReportWriter;
import org.nelc.app.report.RunInfo;
import org.nelc.app.rundir.Interrupted;
import org.nelc.app.rundir.RunDirectory;
import org.nelc.app.wiring.DataLoader;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.ModelKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The paper's experiment (Sect. IV): train an ensemble of models (default 36, seeds 1..36, the "
            + "paper's settings) in parallel, evaluate each precisely, and write the figures (Figs. 2-4), "
            + "summary.csv/json and a self-contained report.html that checks every claim of docs/model.md §9.",
            "Layout: DIR/models/seed-XX/{model.json,history.csv,evaluation.json}, DIR/fig*.png, DIR/summary.*, "
            + "DIR/report.html. Each file is written atomically; --resume skips the models already complete.",
            "Every model depends on its seed only (--seed is refused: use --seeds).",
            "DIR is locked while reproduce writes it and records what made it (DIR/nelc-run.json); a directory made "
            + "with other settings is refused unless --force (--models and --seeds may change: each model depends on "
            + "its seed only)."})
public final class ReproduceCommand implements Runnable {
    @ParentCommand
    NelcCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("runs", "paper");

    @Option(names = "--models", paramLabel = "N", description = "Train seeds 1..N (default: ${DEFAULT-VALUE}).")
    int models = 36;

    @Option(names = "--seeds", paramLabel = "A..B", description = "The seeds, e.g. 1..36 or 3,7,9 (overrides --models).")
    String seeds;

    @Option(names = "--threads", paramLabel = "N", description = "Models trained at once, one per thread (default: all "
            + "cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--resume", description = "Keep the models already complete in DIR (same settings, data and "
            + "evaluation options); train and evaluate only the rest.")
    boolean resume;

    @Option(names = "--variants", description = "Run the ensemble for each kernel/score combination of docs/model.md §4 "
            + "(sigmoid-ratio+paper, sigmoid-ratio+exact, softmax+exact) into DIR/variants/<name>/ and compare them "
            + "(overrides --normalization and --score).")
    boolean variants;

    @Option(names = "--chain-length", paramLabel = "T", description = "Evaluation chain length in double steps "
            + "(default: ${DEFAULT-VALUE}).")
    int chainLength = EvaluationOptions.DEFAULT_CHAIN_LENGTH;

    @Option(names = "--burn-in", paramLabel = "STEPS", description = "Evaluation burn-in (default: ${DEFAULT-VALUE}).")
    int burnIn = EvaluationOptions.DEFAULT_BURN_IN;

    @Option(names = "--rb-samples", paramLabel = "S", description = "Draws per row of the Rao-Blackwellized M "
            + "(default: ${DEFAULT-VALUE}).")
    int rbSamples = RaoBlackwellEstimator.DEFAULT_SAMPLES;

    @Option(names = "--precision", paramLabel = "REL", description = "Relative standard error wanted for each "
            + "model's sigma: the draws per row of the Rao-Blackwellized M double until it is reached, or the output "
            + "says the cap came first (default: ${DEFAULT-VALUE}).")
    String precision = Double.toString(RaoBlackwellEstimator.DEFAULT_PRECISION);

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--force", description = "Write into DIR even though it was made with other settings (each model "
            + "made with them is retrained).")
    boolean force;

    @Mixin
    TrainingOptions options;

    @Inject
    PluginCatalog plugins;

    @Inject
    DataLoader dataLoader;

    @Inject
    ReportWriter writer;

    @Inject
    Evaluator evaluator;

    /**
     * Before any training: every model trained and evaluated at once must fit the heap (a model that
     * trains for an hour and then cannot be written or evaluated is the failure this prevents).
     */
    private void checkLimits(TrainingConfig template, Dataset data, int concurrent) {
        MemoryBudget.checkTraining(template.latent(), data.dimension(), concurrent);
        int states = plugins.latentKernel(template.latent().encoding(), template.latent().units(),
                template.normalization()).states();
        EvaluationMemory.check("--latent " + template.latent(), states, data.classCounts().size(),
                (long) chainLength, concurrent);
    }

    @Override
    public void run() {
        root.context().inject(this);
        Headless.ensure();
        OutputFiles.named("--out", out);
        if (spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
            String s = spec.commandLine().getParseResult().matchedOptionValue("--seed", 0L).toString();
            throw new UserError("--seed " + s + ": reproduce trains the seeds of --seeds (or 1..--models); for this "
                    + "one use --seeds " + s);
        }
        long start = System.nanoTime();
        PrintWriter o = root.spec.commandLine().getOut();
        List<Long> seedList = seeds != null ? SeedRange.parse(seeds) : SeedRange.first(models);
        if (threads < 1) {
            throw new UserError("--threads: must be at least 1, got " + threads);
        }
        EvaluationOptions evaluation = EvaluationOptions.builder().chainLength(chainLength).burnIn(burnIn)
                .rbSamples(rbSamples).precision(EvaluationOptions.parsePrecision(precision)).build();
        EnsemblePlan base = new EnsemblePlan(Variant.PAPER.name(), options.config(), seedList, evaluation);
        Dataset data = dataLoader.load(options.data(), options.selection());
        try (RunDirectory run = RunDirectory.open("--out", out, spec, data, root.spec.commandLine().getErr(),
                "--models", "--seeds")) {
            run.checkAgainst(out, force);
            run.writeManifest(out);
            run.whenInterrupted(() -> Interrupted.say("kept " + completeModels(out) + " complete model(s) under " + out
                    + " (model.json, history.csv, evaluation.json each); continue with: " + resumeLine()));
            reproduce(o, start, seedList, evaluation, base, data);
        }
    }

    private void reproduce(PrintWriter o, long start, List<Long> seedList, EvaluationOptions evaluation,
            EnsemblePlan base, Dataset data) {
        String dataText = TrainCommand.describe(data);
        o.println(dataText);
        checkLimits(base.template(), data, Math.min(threads, seedList.size()));
        List<EnsemblePlan> plans = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<EnsembleLayout> layouts = new ArrayList<>();
        EnsembleLayout top = new EnsembleLayout(out);
        if (variants) {
            for (Variant v : Variant.STANDARD) {
                plans.add(base.forVariant(v));
                labels.add(v.name() + " (" + v.label() + ")");
                layouts.add(top.variant(v.name()));
            }
        } else {
            String norm = base.template().normalization() != null ? base.template().normalization()
                    : plugins.encoding(base.template().latent().encoding()).normalizations().get(0);
            String score = base.template().score().label();
            String kind = base.template().model() == ModelKind.NEQ ? "" : base.template().model().label() + "-";
            plans.add(new EnsemblePlan(kind + norm + "-" + score, base.template(), seedList, evaluation));
            labels.add(kind + norm + " + " + score + " score, " + base.template().latent());
            layouts.add(top);
        }
        o.printf(Locale.ROOT, "reproduce: %d model(s) x %d variant(s) into %s on %d thread(s)%s%n", seedList.size(),
                plans.size(), out, threads, resume ? " (resuming)" : "");
        o.flush();
        EnsembleRunner runner = new EnsembleRunner(plugins, evaluator, data, threads, resume);
        String command = "nelc " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        List<EnsembleArtifacts> arts = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < plans.size(); k++) {
            EnsembleProgressSink sink = new EnsembleProgressSink(System.err, ProgressBar.interactive(quiet), o,
                    plans.size() > 1 ? plans.get(k).name() + ": " : "");
            EnsembleResult r = runner.run(plans.get(k), layouts.get(k), sink);
            for (String f : r.failures()) {
                failures.add(plans.get(k).name() + " " + f);
            }
            RunInfo info = new RunInfo(command, threads, dataText, seconds(start));
            EnsembleArtifacts a = writer.writeEnsemble(r, labels.get(k), info);
            arts.add(a);
            print(o, labels.get(k), r, a.claims());
        }
        if (variants) {
            writer.writeVariants(top, arts, labels, new RunInfo(command, threads, dataText, seconds(start)));
        }
        o.printf(Locale.ROOT, "wall time %.1f s; wrote %s%n", seconds(start), top.report());
        o.flush();
        if (!failures.isEmpty()) {
            throw new UserError(failures.size() + " model(s) failed (the report covers the others): "
                    + String.join("; ", failures));
        }
    }

    /** The command line again, with --resume. */
    private String resumeLine() {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.contains("--resume")) {
            args.add("--resume");
        }
        return "nelc " + String.join(" ", args);
    }

    /** Models whose evaluation.json exists (the last file of a model: its presence marks it complete). */
    private static long completeModels(Path dir) {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(dir, 5)) {
            return s.filter(p -> p.getFileName().toString().equals(EnsembleLayout.EVALUATION_FILE)
                    && p.getParent().getParent().getFileName().toString().equals("models")).count();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static void print(PrintWriter o, String label, EnsembleResult r, ClaimReport c) {
        o.printf(Locale.ROOT, "%s: %d of %d models complete (%d trained now), %.1f s%n", label, r.runs().size(),
                r.plan().seeds().size(), r.trainedCount(), r.wallSeconds());
        if (c.regimes() != null) {
            int[] n = c.regimes().counts();
            o.printf(Locale.ROOT, "  regimes: %s %d, %s %d, %s %d%n", Regimes.name(0), n[0], Regimes.name(1), n[1],
                    Regimes.name(2), n[2]);
        }
        int k = 1;
        for (Claim cl : c.claims()) {
            o.printf(Locale.ROOT, "  claim %d %-18s %-28s %s%n", k++, cl.id(), cl.verdictText(),
                    cl.robustness() == null ? "" : cl.robustness().text(cl.verdict()));
        }
        o.flush();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
