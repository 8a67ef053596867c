package org.nelc.app.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.app.experiment.EnsembleLayout;
import org.nelc.app.options.DataOptions;
import org.nelc.app.report.FantasyChain;
import org.nelc.app.report.Headless;
import org.nelc.app.report.ImageShape;
import org.nelc.app.report.ModelPanel;
import org.nelc.app.report.Png;
import org.nelc.app.rundir.ModelEvaluations;
import org.nelc.app.wiring.DataLoader;
import org.nelc.core.io.ModelFile;
import org.nelc.core.io.ModelIO;
import org.nelc.core.plugin.PluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The Fig. 3 panel of one model as a PNG: w_alpha with p-bar above, wbar_alpha, abar, the "
            + "transition matrix M, and mean and sampled images along a run of the chain.",
            "p-bar and M come from evaluation.json beside the model when it exists (as nelc reproduce writes it), "
            + "otherwise from a fresh evaluation on the data (the model's training data, or --data, --classes, … as for train)."})
public final class ShowCommand implements Runnable {
    @ParentCommand
    NelcCommand root;

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "A model file.")
    Path model;

    @Option(names = "--png", paramLabel = "FILE", required = true, description = "The PNG to write.")
    Path png;

    @Option(names = "--evaluation", paramLabel = "FILE", description = "Use this evaluation.json (default: the one "
            + "beside the model, if any).")
    Path evaluationFile;

    @Option(names = "--steps", paramLabel = "N", description = "Chain steps shown (default: ${DEFAULT-VALUE}).")
    int steps = ModelPanel.DEFAULT_STEPS;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--chain-length", paramLabel = "T", description = "Chain length of a fresh evaluation "
            + "(default: ${DEFAULT-VALUE}).")
    int chainLength = EvaluationOptions.DEFAULT_CHAIN_LENGTH;

    @Option(names = "--seed", description = "Seed of the chain shown and of a fresh evaluation (default: the model's "
            + "training seed).")
    Long seed;

    @Inject
    PluginCatalog plugins;

    @Inject
    DataLoader dataLoader;

    @Inject
    Evaluator evaluator;

    @Override
    public void run() {
        Headless.ensure();
        if (steps < 1 || steps > 64) {
            throw new UserError("--steps: must be between 1 and 64, got " + steps);
        }
        PrintWriter o = root.spec.commandLine().getOut();
        root.context().inject(this);
        ModelFile mf = ModelIO.read(model, plugins);
        long s = seed != null ? seed : mf.config() != null ? mf.config().seed() : 1;
        Path beside = model.toAbsolutePath().resolveSibling(EnsembleLayout.EVALUATION_FILE);
        Path evFile = evaluationFile != null ? evaluationFile : Files.isRegularFile(beside) ? beside : null;
        OutputFiles.file("--png", png, model, evFile);
        Evaluation ev = ModelEvaluations.forReader(model, evaluationFile, root.spec.commandLine().getErr(),
                "evaluating afresh");
        if (ev != null) {
            if (ev.model().states() != mf.model().latent().states() || ev.model().visibleSize() != mf.model().visibleSize()) {
                throw new UserError(evFile + ": evaluation of a different model (" + ev.model().states() + " states, D="
                        + ev.model().visibleSize() + ")");
            }
            o.println("p̄ and M from " + evFile);
        } else {
            Dataset d = dataLoader.load(dataOptions.path(mf.data(), model), dataOptions.selection(mf.data()));
            EvaluationOptions opts = new EvaluationOptions(s, chainLength, EvaluationOptions.DEFAULT_BURN_IN,
                    RaoBlackwellEstimator.DEFAULT_SAMPLES);
            ev = evaluator.evaluate(mf.model(), d, startState(mf), opts);
            o.printf(Locale.ROOT, "evaluated on %s (chain of %d steps)%n", d.source(), chainLength);
        }
        FantasyChain chain = FantasyChain.run(mf.model(), startState(mf), s, Math.max(steps, 1));
        ImageShape shape = ImageShape.forModel(mf.data(), dataOptions.imageShape(), mf.model().visibleSize());
        Png.write(png, ModelPanel.draw(mf.model(), shape, ev, chain, "Fig. 3 panel — " + model.getFileName()
                + (mf.config() != null ? " (seed " + mf.config().seed() + ")" : "")));
        o.println("wrote " + png);
    }

    /** The model's saved chain 0, or (none saved) the all-zero image. */
    static byte[] startState(ModelFile mf) {
        byte[][] v = mf.chainVisible();
        return v != null && v.length > 0 ? v[0] : new byte[mf.model().visibleSize()];
    }
}
