package org.nelc.app.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.api.data.Dataset;
import org.nelc.app.options.DataOptions;
import org.nelc.app.progress.ProgressBar;
import org.nelc.app.rundir.Interrupted;
import org.nelc.app.rundir.ModelEvaluations;
import org.nelc.app.rundir.RunDirectory;
import org.nelc.app.wiring.DataLoader;
import org.nelc.core.io.ModelFile;
import org.nelc.core.io.ModelIO;
import org.nelc.core.plugin.PluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Precise log-likelihood (docs/model.md §6) and the diagnostics of the latent dynamics (docs/model.md §7) of a "
            + "trained model: a long chain gives the occupancy and the counted M; the Rao-Blackwellized M averages "
            + "exact Abar probabilities over x ~ A(z'); sigma, tau, Tr(M)/L, class KL and cycles follow.",
            "Prints a table and writes evaluation.json beside the model (or --out). Same seed, same numbers. "
            + "evaluation.json records the fingerprint of the model file and the settings; an evaluation of this "
            + "model with other settings (as reproduce's, which show uses) is replaced only with --force."})
public final class EvaluateCommand implements Runnable {
    @ParentCommand
    NelcCommand root;

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "A model written by nelc train.")
    Path modelFile;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--seed", description = "Seed of the evaluation chain (default: the model's training seed).")
    Long seed;

    @Option(names = "--chain-length", paramLabel = "T", description = "Double steps counted (default: ${DEFAULT-VALUE}).")
    int chainLength = EvaluationOptions.DEFAULT_CHAIN_LENGTH;

    @Option(names = "--burn-in", description = "Double steps discarded first (default: ${DEFAULT-VALUE}).")
    int burnIn = EvaluationOptions.DEFAULT_BURN_IN;

    @Option(names = "--rb-samples", paramLabel = "N", description = "Draws x ~ A(z') per row of the Rao-Blackwellized M (default: ${DEFAULT-VALUE}).")
    int rbSamples = org.nelc.analysis.transition.RaoBlackwellEstimator.DEFAULT_SAMPLES;

    @Option(names = "--precision", paramLabel = "REL", description = "Relative standard error wanted for sigma of the "
            + "Rao-Blackwellized M: the draws per row double (from --rb-samples, up to "
            + org.nelc.analysis.transition.RaoBlackwellEstimator.DEFAULT_MAX_SAMPLES + ") until it is reached; if the cap "
            + "comes first the output says so (default: ${DEFAULT-VALUE}).")
    String precision = Double.toString(org.nelc.analysis.transition.RaoBlackwellEstimator.DEFAULT_PRECISION);

    // a String, not a Path: a Path drops the trailing '/' that says "a directory, create it"
    @Option(names = "--out", paramLabel = "FILE|DIR", description = "Where to write evaluation.json (default: beside "
            + "the model); an existing directory, or a name ending in '/', gets DIR/evaluation.json.")
    String out;

    @Option(names = "--json", description = "Print the JSON to stdout instead of the table.")
    boolean json;

    @Option(names = "--force", description = "Replace an evaluation of this model made with other settings (or a "
            + "file that is no evaluation).")
    boolean force;

    @Inject
    PluginCatalog plugins;

    @Inject
    DataLoader dataLoader;

    @Inject
    Evaluator evaluator;

    @Override
    public void run() {
        double rel = EvaluationOptions.parsePrecision(precision);
        PrintWriter o = root.spec.commandLine().getOut();
        Path outPath = OutputFiles.named("--out", out == null ? null : Path.of(out));
        Path target = OutputFiles.file("--out", outPath == null ? sibling(modelFile)
                : Files.isDirectory(outPath) || out.endsWith("/") || out.endsWith(java.io.File.separator)
                        ? outPath.resolve("evaluation.json") : outPath, modelFile);
        String fingerprint = ModelEvaluations.fingerprint(modelFile);
        root.context().inject(this);
        ModelFile mf = ModelIO.read(modelFile, plugins);
        Dataset data = dataLoader.load(dataOptions.path(mf.data(), modelFile), dataOptions.selection(mf.data()));
        if (data.dimension() != mf.model().visibleSize()) {
            throw new org.nelc.api.UserError(modelFile + ": the model has D=" + mf.model().visibleSize()
                    + " but the data (" + data.source() + ") has D=" + data.dimension());
        }
        if (mf.data() != null && !mf.data().fingerprint().equals(data.fingerprint())) {
            root.spec.commandLine().getErr().println("nelc: note: evaluating on data that differs from the training data ("
                    + data.source() + ")");
        }
        long s = seed != null ? seed : mf.config() != null ? mf.config().seed() : 1L;
        EvaluationOptions options = new EvaluationOptions(s, chainLength, burnIn, rbSamples).withPrecision(rel);
        var latent = mf.model().latent();
        org.nelc.analysis.evaluate.EvaluationMemory.check(modelFile + ": " + latent.encoding() + ":" + latent.units(),
                latent.states(), data.classCounts().size(), chainLength, 1);
        Evaluation e;
        try (RunDirectory run = RunDirectory.lock("--out", target.toAbsolutePath().getParent(),
                root.spec.commandLine().getErr())) {
            refuseToReplace(target, fingerprint, options, data.fingerprint());
            run.whenInterrupted(() -> Interrupted.say(target + " is unchanged (an evaluation has no checkpoint); "
                    + "run the same command again"));
            // a long chain (--chain-length 3e8, a huge --burn-in) runs for minutes: a bar with the ETA on a console
            ProgressBar bar = new ProgressBar(System.err, ProgressBar.interactive(json));
            e = evaluator.evaluate(mf, data, options, (done, total) -> bar.update(done, total,
                    String.format(java.util.Locale.ROOT, "chain %,d/%,d double steps", done, total)))
                    .forModel(fingerprint);
            bar.finish();
            e.write(target);
        }
        if (json) {
            o.print(e.toJson());
        } else {
            Object fly = mf.training().get("finalLogLikelihoodOnTheFly");
            o.print(EvaluationTable.render(e, fly instanceof Number n ? n.doubleValue() : null));
            o.println("  wrote " + target);
        }
    }

    /**
     * An existing {@code target} is replaced when it is an evaluation of another model (stale) or of this one
     * with the same settings (same numbers); this model's evaluation with other settings, or a file that is no
     * evaluation, only with {@code --force}.
     */
    private void refuseToReplace(Path target, String fingerprint, EvaluationOptions options, String data) {
        if (force || !Files.isRegularFile(target)) {
            return;
        }
        Evaluation old;
        try {
            old = ModelEvaluations.read(target);
        } catch (org.nelc.api.UserError notOne) {
            throw new org.nelc.api.UserError("--out " + target + ": exists and is no evaluation (" + notOne.getMessage()
                    + "); name another file, or replace it with --force");
        }
        if (ModelEvaluations.foreign(old, fingerprint).isPresent()) {
            return;
        }
        ModelEvaluations.settingsDifference(old, options, data).ifPresent(d -> {
            throw new org.nelc.api.UserError("--out " + target + ": holds this model's evaluation with other settings ("
                    + d + "; show and reproduce use it); write elsewhere with --out FILE, or replace it with --force");
        });
    }

    private static Path sibling(Path model) {
        Path parent = model.toAbsolutePath().getParent();
        return parent.resolve("evaluation.json");
    }
}
