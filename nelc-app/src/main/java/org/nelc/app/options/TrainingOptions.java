package org.nelc.app.options;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nelc.api.Settings;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.train.LatentSpec;
import org.nelc.core.train.ModelKind;
import org.nelc.core.train.TrainingConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The training flags shared by {@code train}, the ensemble commands and the sweeps (a picocli mixin; a
 * sweep axis is one of its flags, {@code sweep.TrainingFlags}): every setting of SPEC §5, the paper's value
 * as default. In a package of its own so that {@code cli} and {@code sweep} both see it without {@code
 * sweep} importing {@code cli}.
 */
public final class TrainingOptions {
    /** The data flags ({@code --data}, {@code --classes}, {@code --rows}, {@code --threshold}, …). */
    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Option(names = "--model", paramLabel = "neq|rbm",
            description = "neq: the paper's nonequilibrium model; rbm: its equilibrium limit (tied weights, no "
                + "centering, softmax for one-hot, PCD gradient rbm-pcd; SPEC §8) (default: ${DEFAULT-VALUE}).")
    String model = "neq";

    @Option(names = "--latent", paramLabel = "ENC:L", description = "Latent encoding and size: one-hot:L or bits:L (default: ${DEFAULT-VALUE}).")
    String latent = "one-hot:6";

    @Option(names = "--normalization", paramLabel = "NAME",
            description = "x->z normalization: sigmoid-ratio (Eq. 19) or softmax for one-hot; factorized for bits "
                + "(default: the encoding's first, sigmoid-ratio for one-hot).")
    String normalization;

    @Option(names = "--score", paramLabel = "paper|exact", description = "Score factor of Eqs. 16c/d (default: ${DEFAULT-VALUE}).")
    String score = "paper";

    @Option(names = "--visible-kernel", paramLabel = "NAME", description = "z->x kernel (default: ${DEFAULT-VALUE}).")
    String visibleKernel = "bernoulli";

    @Option(names = "--visible-kernel-setting", paramLabel = "KEY=VALUE",
            description = "Setting of the z->x kernel, e.g. T=2 for tempered (repeatable; recorded in model.json).")
    Map<String, Double> visibleKernelSettings = new LinkedHashMap<>();

    @Option(names = "--gradient", paramLabel = "NAME", description = "Gradient estimator (default: ${DEFAULT-VALUE}).")
    String gradient = "two-step";

    @Option(names = "--gradient-setting", paramLabel = "KEY=VALUE",
            description = "Setting of the gradient estimator, for a plugin's that takes settings (repeatable; recorded "
                + "in model.json).")
    Map<String, Double> gradientSettings = new LinkedHashMap<>();

    @Option(names = "--optimizer", paramLabel = "NAME", description = "rmsprop, sgd, adam or a plugin's (default: ${DEFAULT-VALUE}).")
    String optimizer = "rmsprop";

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr = 0.1;

    @Option(names = "--optimizer-setting", paramLabel = "KEY=VALUE",
            description = "Extra optimizer setting, e.g. decay=0.9, eps=1e-8, beta1=0.9, momentum=0.5 (repeatable).")
    Map<String, Double> optimizerSettings = new LinkedHashMap<>();

    @Option(names = "--epochs", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs = 120;

    @Option(names = "--steps-per-epoch", description = "Gradient steps per epoch (default: ${DEFAULT-VALUE}).")
    int stepsPerEpoch = 30;

    @Option(names = "--batch", paramLabel = "MIN:MAX", description = "Minibatch size, linear from MIN to MAX over the run (default: ${DEFAULT-VALUE}).")
    String batch = "16:160";

    @Option(names = "--chain-steps", paramLabel = "T", description = "Double steps of the chain per gradient step (default: ${DEFAULT-VALUE}).")
    int chainSteps = 48;

    @Option(names = "--chains", paramLabel = "K", description = "Independent persistent chains, pooled (default: ${DEFAULT-VALUE}).")
    int chains = 1;

    @Option(names = "--seed", description = "Seed of the run (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--init-fraction", description = "Fraction of the data behind each initial w_alpha (default: ${DEFAULT-VALUE}).")
    double initFraction = 0.1;

    @Option(names = "--init-clip", description = "Clip of the initial pixel means (default: ${DEFAULT-VALUE}).")
    double initClip = 1e-3;

    @Option(names = "--no-centering", description = "Do not center x in the x->z kernel (Eq. 17).")
    boolean noCentering;

    public DataSelection selection() {
        return dataOptions.selection();
    }

    public TrainingConfig config() {
        return config(seed);
    }

    public TrainingConfig config(long runSeed) {
        // MIN:MAX, or one size for the whole run; split keeping empty parts, so "16:" and ":" are refused
        String[] mm = batch.split(":", -1);
        int bmin;
        int bmax;
        try {
            if (mm.length > 2) {
                throw new NumberFormatException();
            }
            bmin = Integer.parseInt(mm[0].trim());
            bmax = mm.length > 1 ? Integer.parseInt(mm[1].trim()) : bmin;
        } catch (NumberFormatException e) {
            throw new UserError("--batch: expected MIN:MAX such as 16:160 (or one size), got '" + batch + "'");
        }
        return TrainingConfig.builder()
                .latent(LatentSpec.parse(latent))
                .normalization(normalization)
                .score(ScoreFactor.parse(score))
                .visibleKernel(visibleKernel)
                .gradient(gradient)
                .optimizer(optimizer)
                .learningRate(lr)
                .optimizerSettings(optimizerSettings)
                .gradientSettings(Settings.of(gradientSettings))
                .visibleKernelSettings(Settings.of(visibleKernelSettings))
                .epochs(epochs)
                .stepsPerEpoch(stepsPerEpoch)
                .batch(bmin, bmax)
                .chainSteps(chainSteps)
                .chains(chains)
                .seed(runSeed)
                .initFraction(initFraction)
                .initClip(initClip)
                .centering(!noCentering)
                .model(ModelKind.parse(model))
                .build();
    }

    public Path data() {
        return dataOptions.data();
    }

    /** The run's {@code --seed}. */
    public long seed() {
        return seed;
    }

    public DataOptions dataOptions() {
        return dataOptions;
    }
}
