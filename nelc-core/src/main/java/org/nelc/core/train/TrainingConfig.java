package org.nelc.core.train;

import java.util.Map;
import java.util.TreeMap;
import org.nelc.api.UserError;
import org.nelc.api.latent.ScoreFactor;

/**
 * Everything that defines a training run besides the data (SPEC §5). Validated where it is built:
 * a bad value fails here, naming its flag. {@link #paper(long)} gives the paper's settings.
 *
 * @param latent encoding and number of latent units ({@code --latent one-hot:6})
 * @param normalization the x→z normalization, or null for the encoding's default
 * @param score the score factor of Eqs. 16c/16d
 * @param visibleKernel the z→x kernel's name ({@code bernoulli})
 * @param gradient the gradient estimator's name ({@code two-step})
 * @param optimizer the optimizer's name ({@code rmsprop}, {@code sgd}, {@code adam})
 * @param learningRate the optimizer's learning rate
 * @param optimizerSettings extra optimizer settings (decay, eps, …)
 * @param epochs number of epochs
 * @param stepsPerEpoch gradient steps per epoch
 * @param batchMin minibatch size of the first epoch
 * @param batchMax minibatch size of the last epoch (linear in between)
 * @param chainSteps double steps {@code T} of the chain per gradient step
 * @param chains number {@code K} of independent persistent chains, pooled
 * @param seed the run's seed
 * @param initFraction the fraction of the data behind each initial {@code w_α} (App. A.1: 0.1)
 * @param initClip the clip of the initial pixel means, {@code [clip, 1 − clip]}
 * @param centering whether the x→z kernel uses {@code x − c} (Eq. 17)
 * @param model {@code neq} (the paper's) or {@code rbm}, its equilibrium limit (SPEC §8). For {@code rbm}
 *     the constructor makes the configuration an RBM: centering off; for one-hot the normalization
 *     {@code softmax} (null becomes softmax; {@code sigmoid-ratio} is refused, because with it tied
 *     weights are not an RBM); and the gradient {@code two-step} (the default, which would untie
 *     {@code w̄} from {@code wᵀ}) becomes {@value #RBM_GRADIENT}
 */
public record TrainingConfig(LatentSpec latent, String normalization, ScoreFactor score, String visibleKernel,
        String gradient, String optimizer, double learningRate, Map<String, Double> optimizerSettings, int epochs,
        int stepsPerEpoch, int batchMin, int batchMax, int chainSteps, int chains, long seed, double initFraction,
        double initClip, boolean centering, ModelKind model) {

    /** The gradient estimator of the equilibrium RBM: data term minus model term, by PCD. */
    public static final String RBM_GRADIENT = "rbm-pcd";
    /** Gradients named {@code rbm-…} ({@code rbm-pcd}, {@code rbm-exact}) assume an RBM; refused for neq. */
    public static final String RBM_GRADIENT_PREFIX = "rbm-";
    /** The fraction of the data behind each initial {@code w_α} (App. A.1). */
    public static final double PAPER_INIT_FRACTION = 0.1;
    /** The clip of the initial pixel means (nelc's choice; the paper does not say). */
    public static final double PAPER_INIT_CLIP = 1e-3;
    /** The paper's gradient estimator, the default of {@code --gradient}. */
    public static final String TWO_STEP_GRADIENT = "two-step";

    public TrainingConfig {
        if (latent == null) {
            throw new UserError("--latent: missing");
        }
        if (model == null) {
            model = ModelKind.NEQ;
        }
        if (model == ModelKind.RBM) {
            normalization = rbmNormalization(latent, normalization);
            centering = false;
            if (gradient == null || TWO_STEP_GRADIENT.equals(gradient)) {
                gradient = RBM_GRADIENT;
            }
        } else if (gradient != null && gradient.startsWith(RBM_GRADIENT_PREFIX)) {
            throw new UserError("--gradient " + gradient + ": an RBM gradient needs --model rbm (tied weights, "
                    + "no centering)");
        }
        if (score == null) {
            throw new UserError("--score: missing");
        }
        optimizerSettings = Map.copyOf(new TreeMap<>(optimizerSettings == null ? Map.of() : optimizerSettings));
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new UserError("--lr: the learning rate must be a positive finite number, got " + learningRate);
        }
        positive("--epochs", epochs);
        positive("--steps-per-epoch", stepsPerEpoch);
        positive("--batch (first size)", batchMin);
        positive("--batch (last size)", batchMax);
        positive("--chain-steps", chainSteps);
        positive("--chains", chains);
        if (chainSteps < 2) {
            throw new UserError("--chain-steps: at least 2 double steps are needed, got " + chainSteps);
        }
        if ((long) chains * chainSteps > 50_000_000L) {
            throw new UserError("--chains x --chain-steps: " + chains + " x " + chainSteps + " is too large");
        }
        if (!(initFraction > 0 && initFraction <= 1)) {
            throw new UserError("--init-fraction: must be in (0, 1], got " + initFraction);
        }
        if (!(initClip > 0 && initClip < 0.5)) {
            throw new UserError("--init-clip: must be in (0, 0.5), got " + initClip);
        }
    }

    /** A configuration of the paper's model ({@code model = neq}): the signature before {@code --model} existed. */
    public TrainingConfig(LatentSpec latent, String normalization, ScoreFactor score, String visibleKernel,
            String gradient, String optimizer, double learningRate, Map<String, Double> optimizerSettings, int epochs,
            int stepsPerEpoch, int batchMin, int batchMax, int chainSteps, int chains, long seed, double initFraction,
            double initClip, boolean centering) {
        this(latent, normalization, score, visibleKernel, gradient, optimizer, learningRate, optimizerSettings, epochs,
                stepsPerEpoch, batchMin, batchMax, chainSteps, chains, seed, initFraction, initClip, centering,
                ModelKind.NEQ);
    }

    /**
     * The normalization that makes the chain Gibbs sampling of an RBM: one-hot needs {@code softmax}
     * ({@code Ā(α|x) ∝ e^{u_α}} is the RBM's conditional; {@code sigmoid-ratio} is not, and the chain
     * with tied weights need not be reversible); bits' factorized {@code Ā} already is.
     */
    private static String rbmNormalization(LatentSpec latent, String normalization) {
        switch (latent.encoding()) {
            case "one-hot":
                if (normalization == null || normalization.equals("softmax")) {
                    return "softmax";
                }
                throw new UserError("--model rbm: the one-hot RBM needs --normalization softmax, got '" + normalization
                        + "' (with " + normalization + " tied weights are not an RBM: Ā is not the conditional of "
                        + "p(x,z) and detailed balance need not hold, SPEC §8)");
            case "bits":
                return normalization;
            default:
                throw new UserError("--model rbm: an RBM form is known for the one-hot (softmax) and bits encodings "
                        + "only, got --latent " + latent);
        }
    }

    private static void positive(String flag, int v) {
        if (v < 1) {
            throw new UserError(flag + ": must be at least 1, got " + v);
        }
    }

    /** The paper's settings (SPEC §5) with the given seed. */
    public static TrainingConfig paper(long seed) {
        return new TrainingConfig(new LatentSpec("one-hot", 6), "sigmoid-ratio", ScoreFactor.PAPER, "bernoulli",
                "two-step", "rmsprop", 0.1, Map.of(), 120, 30, 16, 160, 48, 1, seed, 0.1, 1e-3, true);
    }

    /** Minibatch size of epoch {@code e}: {@code round(min + (max − min) e / (E − 1))}, constant within an epoch. */
    public int batchSize(int epoch) {
        if (epochs <= 1) {
            return batchMax;
        }
        return (int) Math.round(batchMin + (batchMax - batchMin) * (double) epoch / (epochs - 1));
    }

    public int largestBatch() {
        return Math.max(batchMin, batchMax);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(latent, normalization, score, visibleKernel, gradient, optimizer, learningRate,
                optimizerSettings, epochs, stepsPerEpoch, batchMin, batchMax, chainSteps, chains, newSeed, initFraction,
                initClip, centering, model);
    }

    public TrainingConfig withSchedule(int newEpochs, int newStepsPerEpoch) {
        return new TrainingConfig(latent, normalization, score, visibleKernel, gradient, optimizer, learningRate,
                optimizerSettings, newEpochs, newStepsPerEpoch, batchMin, batchMax, chainSteps, chains, seed,
                initFraction, initClip, centering, model);
    }

    /**
     * The equilibrium counterpart of this run (SPEC §8): same latent size, data schedule, optimizer and
     * seed, with {@code model = rbm} — hence no centering, the encoding's RBM normalization and the
     * {@value #RBM_GRADIENT} gradient.
     */
    public TrainingConfig equilibrium() {
        return equilibrium(RBM_GRADIENT);
    }

    /** {@link #equilibrium()} trained by the named gradient ({@code rbm-pcd} or {@code rbm-exact}). */
    public TrainingConfig equilibrium(String rbmGradient) {
        return new TrainingConfig(latent, null, score, visibleKernel, rbmGradient, optimizer, learningRate,
                optimizerSettings, epochs, stepsPerEpoch, batchMin, batchMax, chainSteps, chains, seed, initFraction,
                initClip, false, ModelKind.RBM);
    }
}
