package org.nelc.core.train;

import java.util.Map;
import java.util.TreeMap;
import org.nelc.api.Settings;
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
 * @param gradientSettings the gradient estimator's settings ({@code --gradient-setting KEY=VALUE}); checked
 *     by the estimator when training starts
 * @param visibleKernelSettings the z→x kernel's settings ({@code --visible-kernel-setting KEY=VALUE}, e.g.
 *     {@code T} of {@code tempered}); checked by the kernel when the model is built
 */
public record TrainingConfig(LatentSpec latent, String normalization, ScoreFactor score, String visibleKernel,
        String gradient, String optimizer, double learningRate, Map<String, Double> optimizerSettings, int epochs,
        int stepsPerEpoch, int batchMin, int batchMax, int chainSteps, int chains, long seed, double initFraction,
        double initClip, boolean centering, ModelKind model, Settings gradientSettings,
        Settings visibleKernelSettings) {

    /** The gradient estimator of the equilibrium RBM: data term minus model term, by PCD. */
    public static final String RBM_GRADIENT = "rbm-pcd";
    /** Gradients named {@code rbm-…} ({@code rbm-pcd}, {@code rbm-exact}) assume an RBM; refused for neq. */
    public static final String RBM_GRADIENT_PREFIX = "rbm-";
    /** The fraction of the data behind each initial {@code w_α} (App. A.1). */
    public static final double PAPER_INIT_FRACTION = 0.1;
    /** The clip of the initial pixel means, {@code [clip, 1 − clip]} (SPEC §5). */
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
        gradientSettings = gradientSettings == null ? Settings.NONE : gradientSettings;
        visibleKernelSettings = visibleKernelSettings == null ? Settings.NONE : visibleKernelSettings;
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new UserError("--lr: the learning rate must be a positive finite number, got " + learningRate);
        }
        positive("--epochs", epochs);
        positive("--steps-per-epoch", stepsPerEpoch);
        positive("--batch (first size)", batchMin);
        positive("--batch (last size)", batchMax);
        if (batchMin > batchMax) {
            throw new UserError("--batch: the first size " + batchMin + " is larger than the last " + batchMax
                    + " (MIN:MAX grows linearly over the run)");
        }
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
        return builder().seed(seed).build();
    }

    /** A builder with the paper's settings (SPEC §5) and seed 1; every setter names the field it sets. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.latent = latent;
        b.normalization = normalization;
        b.normalizationSet = true;
        b.score = score;
        b.visibleKernel = visibleKernel;
        b.gradient = gradient;
        b.optimizer = optimizer;
        b.learningRate = learningRate;
        b.optimizerSettings = optimizerSettings;
        b.epochs = epochs;
        b.stepsPerEpoch = stepsPerEpoch;
        b.batchMin = batchMin;
        b.batchMax = batchMax;
        b.chainSteps = chainSteps;
        b.chains = chains;
        b.seed = seed;
        b.initFraction = initFraction;
        b.initClip = initClip;
        b.centering = centering;
        b.model = model;
        b.gradientSettings = gradientSettings;
        b.visibleKernelSettings = visibleKernelSettings;
        return b;
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
        return toBuilder().seed(newSeed).build();
    }

    public TrainingConfig withSchedule(int newEpochs, int newStepsPerEpoch) {
        return toBuilder().epochs(newEpochs).stepsPerEpoch(newStepsPerEpoch).build();
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
        return toBuilder().normalization(null).gradient(rbmGradient).centering(false).model(ModelKind.RBM).build();
    }

    /**
     * Named settings of a {@link TrainingConfig}; unset fields keep the paper's values (SPEC §5, App. A.1):
     * one-hot L = 6, sigmoid-ratio, the paper's score, Bernoulli z→x kernel, the two-step gradient, RMSprop
     * with learning rate 0.1, 120 epochs × 30 steps, minibatch 16 → 160, T = 48, one chain, seed 1,
     * initialization fraction 0.1 and clip 1e-3, centering on, {@code neq}. The normalization, unless set,
     * is the paper's for one-hot ({@code sigmoid-ratio}) and the encoding's own otherwise (null; for
     * {@code --model rbm} the RBM's). {@link #build} validates, naming the flag of a bad value.
     */
    public static final class Builder {
        private LatentSpec latent = new LatentSpec("one-hot", 6);
        private String normalization;
        private boolean normalizationSet;
        private ScoreFactor score = ScoreFactor.PAPER;
        private String visibleKernel = "bernoulli";
        private String gradient = TWO_STEP_GRADIENT;
        private String optimizer = "rmsprop";
        private double learningRate = 0.1;
        private Map<String, Double> optimizerSettings = Map.of();
        private int epochs = 120;
        private int stepsPerEpoch = 30;
        private int batchMin = 16;
        private int batchMax = 160;
        private int chainSteps = 48;
        private int chains = 1;
        private long seed = 1;
        private double initFraction = PAPER_INIT_FRACTION;
        private double initClip = PAPER_INIT_CLIP;
        private boolean centering = true;
        private ModelKind model = ModelKind.NEQ;
        private Settings gradientSettings = Settings.NONE;
        private Settings visibleKernelSettings = Settings.NONE;

        private Builder() {
        }

        /** Encoding and number of latent units ({@code --latent}). */
        public Builder latent(LatentSpec v) {
            latent = v;
            return this;
        }

        /** {@code latent(new LatentSpec(encoding, units))}, e.g. {@code ("bits", 10)}. */
        public Builder latent(String encoding, int units) {
            return latent(new LatentSpec(encoding, units));
        }

        /** The x→z normalization; null for the encoding's default. */
        public Builder normalization(String v) {
            normalization = v;
            normalizationSet = true;
            return this;
        }

        public Builder score(ScoreFactor v) {
            score = v;
            return this;
        }

        public Builder visibleKernel(String v) {
            visibleKernel = v;
            return this;
        }

        public Builder gradient(String v) {
            gradient = v;
            return this;
        }

        public Builder optimizer(String v) {
            optimizer = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /** The gradient estimator's settings ({@code --gradient-setting}). */
        public Builder gradientSettings(Settings v) {
            gradientSettings = v;
            return this;
        }

        /** The z→x kernel's settings ({@code --visible-kernel-setting}). */
        public Builder visibleKernelSettings(Settings v) {
            visibleKernelSettings = v;
            return this;
        }

        public Builder optimizerSettings(Map<String, Double> v) {
            optimizerSettings = v;
            return this;
        }

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder stepsPerEpoch(int v) {
            stepsPerEpoch = v;
            return this;
        }

        /** Minibatch sizes of the first and the last epoch (linear in between). */
        public Builder batch(int first, int last) {
            batchMin = first;
            batchMax = last;
            return this;
        }

        /** Double steps {@code T} per gradient step. */
        public Builder chainSteps(int v) {
            chainSteps = v;
            return this;
        }

        /** Number {@code K} of persistent chains. */
        public Builder chains(int v) {
            chains = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder initFraction(double v) {
            initFraction = v;
            return this;
        }

        public Builder initClip(double v) {
            initClip = v;
            return this;
        }

        /** Whether the x→z kernel uses {@code x − c} (Eq. 17). */
        public Builder centering(boolean v) {
            centering = v;
            return this;
        }

        /** {@code neq} or {@code rbm} (SPEC §8). */
        public Builder model(ModelKind v) {
            model = v;
            return this;
        }

        public TrainingConfig build() {
            String norm = normalization;
            if (!normalizationSet && latent != null && "one-hot".equals(latent.encoding()) && model != ModelKind.RBM) {
                norm = "sigmoid-ratio";
            }
            return new TrainingConfig(latent, norm, score, visibleKernel, gradient, optimizer, learningRate,
                    optimizerSettings, epochs, stepsPerEpoch, batchMin, batchMax, chainSteps, chains, seed, initFraction,
                    initClip, centering, model, gradientSettings, visibleKernelSettings);
        }
    }
}
