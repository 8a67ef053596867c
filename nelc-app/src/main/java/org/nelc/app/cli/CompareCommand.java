package org.nelc.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nelc.analysis.baseline.EmSettings;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.app.baseline.Comparison;
import org.nelc.app.baseline.ComparisonFiles;
import org.nelc.app.baseline.ComparisonRunner;
import org.nelc.api.io.AtomicFiles;
import org.nelc.app.options.TrainingOptions;
import org.nelc.app.rundir.Interrupted;
import org.nelc.app.rundir.RunDirectory;
import org.nelc.core.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The nonequilibrium model beside its baselines on the same data and latent size (docs/model.md §8): "
            + "NEQ over --seeds, the equilibrium RBM (tied weights) over --rbm-seeds trained by PCD and by its exact "
            + "gradient, each at every learning rate of --lr-grid, and the Bernoulli mixture fitted by EM (one "
            + "component per latent state, best of --restarts). Each trained family is shown at its own best grid "
            + "point (highest median LL over its seeds), with the whole grid beside it. Each run is evaluated the "
            + "same way (precise log-likelihood from a long chain, sigma, class KL); the RBM's and EM's exact "
            + "log-likelihoods are used where known; gaps to EM and to the best NEQ run are paired per image. "
            + "Prints the table; writes OUT/compare.txt, compare.csv, grid.csv, compare.json, compare.png and every "
            + "run's model.json / evaluation.json.",
            "Defaults: 4 learning rates x (8 NEQ + 3 + 3 RBM seeds), 10 EM restarts, the paper's schedule: prints "
                + "its CPU estimate before starting (about 2 CPU minutes for MNIST 0/1/2 with one-hot:6)."})
public final class CompareCommand implements Runnable {
    @ParentCommand
    NelcCommand root;

    @Mixin
    TrainingOptions options;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--lr-grid", split = ",", paramLabel = "LR",
            description = "Learning rates every trained family is run at; each family is shown at its best "
                + "(default: 0.003,0.01,0.03,0.1). --lr X alone means the one-point grid X.")
    List<Double> lrGrid;

    @Spec
    CommandSpec spec;

    @Option(names = "--seeds", paramLabel = "A..B", description = "Seeds of the nonequilibrium runs: A..B, or a comma "
            + "list (default: ${DEFAULT-VALUE}).")
    String seeds = "1..8";

    @Option(names = "--rbm-seeds", paramLabel = "A..B", description = "Seeds of the RBM runs; 'none' for no RBM "
            + "(default: ${DEFAULT-VALUE}).")
    String rbmSeeds = "1..3";

    @Option(names = "--rbm-gradient", split = ",", paramLabel = "NAME",
            description = "How the RBMs are trained, one set of --rbm-seeds each: rbm-pcd (PCD, the usual way) and/or "
                + "rbm-exact (exact negative phase by enumerating the latent states) (default: ${DEFAULT-VALUE}).")
    List<String> rbmGradients = new ArrayList<>(List.of("rbm-pcd", "rbm-exact"));

    @Option(names = "--restarts", paramLabel = "R", description = "EM restarts (default: ${DEFAULT-VALUE}).")
    int restarts = EmSettings.DEFAULT_RESTARTS;

    @Option(names = "--em-seed", description = "Seed of the EM restarts (default: ${DEFAULT-VALUE}).")
    long emSeed = 1;

    @Option(names = "--em-iterations", paramLabel = "N", description = "EM iterations per restart at most (default: "
            + "${DEFAULT-VALUE}).")
    int emIterations = EmSettings.DEFAULT_ITERATIONS;

    @Option(names = "--chain-length", paramLabel = "T", description = "Double steps of the evaluation chain after "
            + "burn-in (default: ${DEFAULT-VALUE}, docs/model.md §6).")
    int chainLength = EvaluationOptions.DEFAULT_CHAIN_LENGTH;

    @Option(names = "--burn-in", paramLabel = "N", description = "Burn-in of the evaluation chain (default: ${DEFAULT-VALUE}).")
    int burnIn = EvaluationOptions.DEFAULT_BURN_IN;

    @Option(names = "--rb-samples", paramLabel = "S", description = "Draws per row of the Rao-Blackwellized M "
            + "(default: ${DEFAULT-VALUE}).")
    int rbSamples = RaoBlackwellEstimator.DEFAULT_SAMPLES;

    @Option(names = "--threads", paramLabel = "N", description = "Runs trained and evaluated in parallel; every run "
            + "is fixed by its seed, whatever N (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Option(names = "--force", description = "Write into OUT even though it was made with other settings.")
    boolean force;

    @Override
    public void run() {
        OutputFiles.named("--out", out);
        PrintWriter o = root.spec.commandLine().getOut();
        TrainingConfig config = options.config();
        List<Double> grid = learningRates(config);
        EmSettings em = EmSettings.builder().restarts(restarts).maxIterations(emIterations)
                .initFraction(config.initFraction()).seed(emSeed).build();
        ComparisonRunner.Settings settings = ComparisonRunner.Settings.builder().neq(config).learningRates(grid)
                .neqSeeds(parseSeeds("--seeds", seeds))
                .rbmSeeds(rbmSeeds.equalsIgnoreCase("none") ? List.of() : parseSeeds("--rbm-seeds", rbmSeeds))
                .rbmGradients(List.copyOf(rbmGradients)).em(em)
                .evaluation(EvaluationOptions.builder().chainLength(chainLength).burnIn(burnIn).rbSamples(rbSamples)
                        .build())
                .threads(threads).out(out).build();
        Dataset data = root.context().loadData(options.data(), options.selection());
        try (RunDirectory run = RunDirectory.open("--out", out, spec, data, root.spec.commandLine().getErr())) {
            run.checkAgainst(out, force);
            run.writeManifest(out);
            run.whenInterrupted(() -> Interrupted.say("kept the runs finished so far under " + out + " (compare.* "
                    + "are written at the end; compare has no checkpoints): run the same command again"));
            compare(o, settings, data);
        }
    }

    private void compare(PrintWriter o, ComparisonRunner.Settings settings, Dataset data) {
        o.println(TrainCommand.describe(data));
        o.flush();
        PrintWriter progress = quiet ? null : root.spec.commandLine().getErr();
        long start = System.nanoTime();
        ComparisonRunner runner = new ComparisonRunner(root.context().plugins(), progress);
        o.println(runner.plan(settings, data).describe());
        o.flush();
        Comparison c = runner.run(settings, data);
        ComparisonFiles.write(c, out);
        String table = ComparisonFiles.table(c);
        AtomicFiles.writeString(out.resolve("compare.txt"), table);
        o.print(table);
        double cpu = 0;
        for (var r : c.rows()) {
            cpu += r.cpuSeconds();
        }
        o.printf(java.util.Locale.ROOT, "%d runs in %.1f s on %d threads (CPU %.1f s); wrote %s (compare.txt, "
                + "compare.csv, grid.csv, compare.json, compare.png)%n", c.rows().size(),
                (System.nanoTime() - start) * 1e-9, threads, cpu, out);
    }

    /** {@code --lr-grid}, or the one-point grid of an explicit {@code --lr}; both is an error. */
    private List<Double> learningRates(TrainingConfig config) {
        boolean lr = spec.commandLine().getParseResult().hasMatchedOption("--lr");
        if (lrGrid != null) {
            if (lr) {
                throw new UserError("--lr: compare trains at every --lr-grid rate; give --lr-grid or --lr, not both");
            }
            return lrGrid;
        }
        return lr ? List.of(config.learningRate()) : DEFAULT_GRID;
    }

    /** The default learning-rate grid: a factor of about 3 between points, the paper's 0.1 the largest. */
    static final List<Double> DEFAULT_GRID = List.of(0.003, 0.01, 0.03, 0.1);

    /** {@code A..B} (inclusive), a single seed, or a comma list of those; duplicates dropped. */
    static List<Long> parseSeeds(String flag, String text) {
        return org.nelc.app.experiment.SeedRange.parse(flag, text);
    }
}
