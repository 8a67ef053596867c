package org.nelc.app.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nelc.analysis.baseline.BernoulliMixtureEm;
import org.nelc.analysis.baseline.EmSettings;
import org.nelc.analysis.baseline.MixtureFit;
import org.nelc.api.data.Dataset;
import org.nelc.app.baseline.ComponentsFigure;
import org.nelc.app.baseline.MixtureJson;
import org.nelc.api.io.AtomicFiles;
import org.nelc.app.options.DataOptions;
import org.nelc.app.wiring.DataLoader;
import org.nelc.app.rundir.Interrupted;
import org.nelc.app.rundir.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "em", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a mixture of L product-Bernoulli distributions by EM (docs/model.md §8): the ceiling of a one-hot "
            + "model's likelihood with L latent states. Each restart is seeded; the best final log-likelihood wins.",
            "Writes OUT/em.json (settings, every restart, the best mixture's weights and means) and "
                + "OUT/components.png (28x28 images when D = 784, else bars; weights above)."})
public final class EmCommand implements Runnable {
    @ParentCommand
    NelcCommand root;

    @Option(names = "--components", paramLabel = "L", required = true, description = "Number of mixture components.")
    int components;

    @Option(names = "--restarts", paramLabel = "R", description = "Independent restarts (default: ${DEFAULT-VALUE}).")
    int restarts = EmSettings.DEFAULT_RESTARTS;

    @Option(names = "--iterations", paramLabel = "N", description = "EM iterations per restart at most (default: ${DEFAULT-VALUE}).")
    int iterations = EmSettings.DEFAULT_ITERATIONS;

    @Option(names = "--tolerance", paramLabel = "NATS",
            description = "Stop a restart when an iteration gains less than this, nats/image (default: ${DEFAULT-VALUE}).")
    double tolerance = EmSettings.DEFAULT_TOLERANCE;

    @Option(names = "--clip", paramLabel = "EPS",
            description = "Keep every mean in [EPS, 1-EPS] so no log is -infinity; costs at most D*EPS nats/image "
                + "(default: ${DEFAULT-VALUE}).")
    double clip = EmSettings.DEFAULT_CLIP;

    @Option(names = "--init-fraction", description = "Each component starts at the mean of its own random subset of "
            + "this fraction of the rows, as the model's w (default: ${DEFAULT-VALUE}).")
    double initFraction = 0.1;

    @Option(names = "--seed", description = "Seed of the restarts (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "N", description = "Restarts run in parallel on N threads; the result "
            + "does not depend on N (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/em-L<L>-seed-<seed>).")
    Path out;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--force", description = "Write into OUT even though it was made with other settings.")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Inject
    DataLoader dataLoader;

    @Override
    public void run() {
        OutputFiles.named("--out", out);
        PrintWriter o = root.spec.commandLine().getOut();
        EmSettings settings = EmSettings.builder().components(components).restarts(restarts).maxIterations(iterations)
                .tolerance(tolerance).clip(clip).initFraction(initFraction).seed(seed).build();
        if (threads < 1) {
            throw new org.nelc.api.UserError("--threads: must be at least 1, got " + threads);
        }
        root.context().inject(this);
        Dataset dataset = dataLoader.load(dataOptions.data(), dataOptions.selection());
        Path dir = out != null ? out : Path.of("runs", "em-L" + components + "-seed-" + seed);
        try (RunDirectory run = RunDirectory.open("--out", dir, spec, dataset, root.spec.commandLine().getErr())) {
            run.checkAgainst(dir, force);
            run.whenInterrupted(() -> Interrupted.say(dir.resolve("em.json") + " is unchanged (it is written when "
                    + "every restart has finished; an EM fit has no checkpoint); run the same command again"));
            fit(o, settings, dataset, dir);
            run.writeManifest(dir);
        }
    }

    private void fit(PrintWriter o, EmSettings settings, Dataset dataset, Path dir) {
        o.println(TrainCommand.describe(dataset));
        BernoulliMixtureEm.Result result = BernoulliMixtureEm.fit(dataset, settings, threads);
        for (MixtureFit f : result.restarts()) {
            o.printf(Locale.ROOT, "restart %2d: %.4f ± %.4f nats/image after %d iterations%s (%.2f s)%s%n", f.restart(),
                    f.logLikelihood(), f.summary().standardError(), f.iterations(),
                    f.converged() ? "" : " (iteration cap)", f.seconds(), f.restart() == result.best() ? "  <- best" : "");
        }
        MixtureFit best = result.bestFit();
        o.printf(Locale.ROOT, "best: restart %d, exact log-likelihood %.4f ± %.4f nats/image (%d components, clip %g)%n",
                best.restart(), best.logLikelihood(), best.summary().standardError(), components, clip);
        StringBuilder w = new StringBuilder("weights:");
        for (double v : best.mixture().weights()) {
            w.append(String.format(Locale.ROOT, " %.4f", v));
        }
        o.println(w);
        AtomicFiles.writeString(dir.resolve("em.json"), MixtureJson.toJson(result, dataset));
        ComponentsFigure.write(best.mixture(), dir.resolve("components.png"));
        o.println("wrote " + dir.resolve("em.json") + " and " + dir.resolve("components.png"));
    }
}
