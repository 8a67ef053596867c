package org.nelc.app.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nelc.api.Settings;
import org.nelc.analysis.exact.ExactCheck;
import org.nelc.analysis.exact.ExactCheckOptions;
import org.nelc.analysis.exact.ExactCheckReport;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.io.AtomicFiles;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.LatentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "exact-check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"How good is a gradient estimator (the paper's two-step, or a plugin's)? Trains a small model "
            + "(D <= 14, all 2^D visible states enumerated) with it and, along training, compares its estimate (averaged over "
            + "many chain segments) with the exact gradient of the log-likelihood: cosine similarity and norm "
            + "ratio; then compares the exact log-likelihood reached with the best found by exact gradient ascent. "
            + "First checks the kernels' derivatives against finite differences of their own log-probabilities (the "
            + "exact gradient relies on them), so a plugin with a wrong score is named."})
public final class ExactCheckCommand implements Runnable {
    @ParentCommand
    NelcCommand root;

    @Option(names = "--dimension", paramLabel = "D", description = "Visible bits of the synthetic data (default: ${DEFAULT-VALUE}).")
    int dimension = 10;

    @Option(names = "--classes", description = "Prototypes of the synthetic data (default: ${DEFAULT-VALUE}).")
    int classes = 3;

    @Option(names = "--rows", description = "Rows of the synthetic data (default: ${DEFAULT-VALUE}).")
    int rows = 300;

    @Option(names = "--flip", description = "Bit-flip noise of the synthetic data (default: ${DEFAULT-VALUE}).")
    double flip = 0.1;

    @Option(names = "--latent", paramLabel = "ENC:L", description = "Latent encoding and size (default: ${DEFAULT-VALUE}).")
    String latent = "one-hot:4";

    @Option(names = "--normalization", description = "x->z normalization (default: the encoding's).")
    String normalization;

    @Option(names = "--gradient", paramLabel = "NAME",
            description = "The gradient estimator under test: two-step or a plugin's approximation (default: ${DEFAULT-VALUE}).")
    String gradient = "two-step";

    @Option(names = "--gradient-setting", paramLabel = "KEY=VALUE", description = "Setting of the estimator (repeatable).")
    Map<String, Double> gradientSettings = new LinkedHashMap<>();

    @Option(names = "--visible-kernel", paramLabel = "NAME", description = "z->x kernel (default: ${DEFAULT-VALUE}).")
    String visibleKernel = "bernoulli";

    @Option(names = "--visible-kernel-setting", paramLabel = "KEY=VALUE", description = "Setting of the z->x kernel "
            + "(repeatable).")
    Map<String, Double> visibleKernelSettings = new LinkedHashMap<>();

    @Option(names = "--score", description = "paper or exact (default: ${DEFAULT-VALUE}).")
    String score = "paper";

    @Option(names = "--optimizer", description = "Optimizer (default: ${DEFAULT-VALUE}).")
    String optimizer = "rmsprop";

    @Option(names = "--lr", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr = 0.05;

    @Option(names = "--steps", description = "Two-step training steps (default: ${DEFAULT-VALUE}).")
    int steps = 2000;

    @Option(names = "--check-every", description = "Steps between comparisons (default: ${DEFAULT-VALUE}).")
    int checkEvery = 200;

    @Option(names = "--chain-steps", paramLabel = "T", description = "Double steps per gradient step (default: ${DEFAULT-VALUE}).")
    int chainSteps = 48;

    @Option(names = "--batch", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch = 32;

    @Option(names = "--probe-segments", description = "Chain segments averaged per comparison (default: ${DEFAULT-VALUE}).")
    int probeSegments = 200;

    @Option(names = "--restarts", description = "Extra initializations of the exact ascent (default: ${DEFAULT-VALUE}).")
    int restarts = 2;

    @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the table to FILE.")
    Path out;

    @Inject
    PluginCatalog plugins;

    @Override
    public void run() {
        root.context().inject(this);
        OutputFiles.file("--out", out, null);
        LatentSpec spec = LatentSpec.parse(latent);
        ExactCheckOptions o = ExactCheckOptions.builder().dimension(dimension).classes(classes).rows(rows).flip(flip)
                .latent(spec.encoding(), spec.units()).normalization(normalization).score(ScoreFactor.parse(score))
                .optimizer(optimizer, lr).steps(steps).checkEvery(checkEvery).chainSteps(chainSteps).batchSize(batch)
                .probeSegments(probeSegments).restarts(restarts).seed(seed).gradient(gradient, Settings.of(gradientSettings))
                .visibleKernel(visibleKernel, Settings.of(visibleKernelSettings)).build();
        ExactCheckReport report = ExactCheck.run(o, plugins);
        PrintWriter w = root.spec.commandLine().getOut();
        String table = report.toTable();
        w.print(table);
        if (out != null) {
            AtomicFiles.writeString(out, table);
        }
    }
}
