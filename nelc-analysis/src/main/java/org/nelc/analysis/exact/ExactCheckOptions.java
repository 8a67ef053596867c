package org.nelc.analysis.exact;

import org.nelc.api.Settings;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.latent.ScoreFactor;

/**
 * What {@link ExactCheck} does (flags of {@code nelc exact-check}). Validated here: a bad value fails
 * with a {@link UserError} naming its flag. Build with {@link #builder()}; every field has a default.
 *
 * @param data the training data, or null to generate {@link PrototypeData} from the next four fields
 * @param dimension {@code D} of the generated data ({@code --dimension}, at most {@value ExactSystem#MAX_VISIBLE})
 * @param classes prototypes of the generated data
 * @param rows rows of the generated data
 * @param flip bit-flip probability of the generated data
 * @param encoding {@code one-hot} or {@code bits}
 * @param units {@code L}
 * @param normalization the x→z normalization, or null for the encoding's default
 * @param score the score factor of the two-step gradient
 * @param optimizer optimizer name ({@code rmsprop}, {@code sgd}, {@code adam})
 * @param learningRate its learning rate
 * @param steps two-step training steps
 * @param checkEvery steps between comparisons with the exact gradient
 * @param chainSteps {@code T} double steps per gradient step
 * @param batchSize minibatch size of training
 * @param probeSegments chain segments of {@code T} steps whose two-step estimates (on the full data) are
 *     averaged at each comparison
 * @param exactSteps most steps of exact-gradient ascent for the reference (0: same as {@code steps}); it stops
 *     earlier when its best log-likelihood stalls
 * @param restarts extra random initializations of the exact ascent
 * @param centering whether the x→z kernel uses {@code x − c} (Eq. 17)
 * @param seed the seed of everything
 * @param gradient the gradient estimator plugin under test ({@code two-step}, or a plugin's name)
 * @param gradientSettings its settings ({@code --gradient-setting})
 * @param visibleKernel the z→x kernel ({@code bernoulli}, {@code tempered}, or a plugin's)
 * @param visibleKernelSettings its settings ({@code --visible-kernel-setting})
 */
public record ExactCheckOptions(Dataset data, int dimension, int classes, int rows, double flip, String encoding,
        int units, String normalization, ScoreFactor score, String optimizer, double learningRate, int steps,
        int checkEvery, int chainSteps, int batchSize, int probeSegments, int exactSteps, int restarts,
        boolean centering, long seed, String gradient, Settings gradientSettings, String visibleKernel,
        Settings visibleKernelSettings) {

    public ExactCheckOptions {
        gradientSettings = gradientSettings == null ? Settings.NONE : gradientSettings;
        visibleKernelSettings = visibleKernelSettings == null ? Settings.NONE : visibleKernelSettings;
        if (visibleKernel == null || visibleKernel.isBlank()) {
            throw new UserError("--visible-kernel: missing kernel name");
        }
        if (gradient == null || gradient.isBlank()) {
            throw new UserError("--gradient: missing estimator name");
        }
        int d = data != null ? data.dimension() : dimension;
        if (d < 1 || d > ExactSystem.MAX_VISIBLE) {
            throw new UserError("--dimension: the exact check enumerates 2^D states; D must be in [1, "
                    + ExactSystem.MAX_VISIBLE + "], got " + d);
        }
        positive("--classes", classes);
        positive("--rows", rows);
        if (!(flip >= 0 && flip <= 0.5)) {
            throw new UserError("--flip: must be in [0, 0.5], got " + flip);
        }
        if (encoding == null || encoding.isBlank()) {
            throw new UserError("--latent: missing encoding");
        }
        positive("--latent units", units);
        if (score == null) {
            throw new UserError("--score: missing");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new UserError("--lr: must be a positive finite number, got " + learningRate);
        }
        positive("--steps", steps);
        positive("--check-every", checkEvery);
        positive("--chain-steps", chainSteps);
        positive("--batch", batchSize);
        int n = data != null ? data.size() : rows;
        if (batchSize > n) {
            throw new UserError("--batch: " + batchSize + " is larger than the data (" + n + " rows)");
        }
        positive("--probe-segments", probeSegments);
        if (exactSteps < 0) {
            throw new UserError("--exact-steps: must be non-negative, got " + exactSteps);
        }
        if (restarts < 0) {
            throw new UserError("--restarts: must be non-negative, got " + restarts);
        }
    }

    private static void positive(String flag, int v) {
        if (v < 1) {
            throw new UserError(flag + ": must be at least 1, got " + v);
        }
    }

    /** The visible size actually used. */
    public int visibleSize() {
        return data != null ? data.dimension() : dimension;
    }

    /** Exact-ascent steps actually run. */
    public int exactAscentSteps() {
        return exactSteps == 0 ? steps : exactSteps;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.data = data;
        b.dimension = dimension;
        b.classes = classes;
        b.rows = rows;
        b.flip = flip;
        b.encoding = encoding;
        b.units = units;
        b.normalization = normalization;
        b.score = score;
        b.optimizer = optimizer;
        b.learningRate = learningRate;
        b.steps = steps;
        b.checkEvery = checkEvery;
        b.chainSteps = chainSteps;
        b.batchSize = batchSize;
        b.probeSegments = probeSegments;
        b.exactSteps = exactSteps;
        b.restarts = restarts;
        b.centering = centering;
        b.seed = seed;
        b.gradient = gradient;
        b.gradientSettings = gradientSettings;
        b.visibleKernel = visibleKernel;
        b.visibleKernelSettings = visibleKernelSettings;
        return b;
    }

    /**
     * Defaults: 300 rows of 3 prototypes, D = 10, flip 0.1; one-hot:4 sigmoid-ratio with the paper's score;
     * RMSprop lr 0.05; 2000 steps of T = 48, minibatch 32; comparison every 200 steps over 200 segments;
     * exact ascent up to as long (stopping when it stalls), plus 2 restarts; centering on; seed 1.
     */
    public static final class Builder {
        private Dataset data;
        private int dimension = 10;
        private int classes = 3;
        private int rows = 300;
        private double flip = 0.1;
        private String encoding = "one-hot";
        private int units = 4;
        private String normalization;
        private ScoreFactor score = ScoreFactor.PAPER;
        private String optimizer = "rmsprop";
        private double learningRate = 0.05;
        private int steps = 2000;
        private int checkEvery = 200;
        private int chainSteps = 48;
        private int batchSize = 32;
        private int probeSegments = 200;
        private int exactSteps;
        private int restarts = 2;
        private boolean centering = true;
        private long seed = 1;
        private String gradient = "two-step";
        private Settings gradientSettings = Settings.NONE;
        private String visibleKernel = "bernoulli";
        private Settings visibleKernelSettings = Settings.NONE;

        public Builder data(Dataset v) {
            data = v;
            return this;
        }

        public Builder dimension(int v) {
            dimension = v;
            return this;
        }

        public Builder classes(int v) {
            classes = v;
            return this;
        }

        public Builder rows(int v) {
            rows = v;
            return this;
        }

        public Builder flip(double v) {
            flip = v;
            return this;
        }

        /** Encoding and number of latent units, e.g. {@code ("one-hot", 6)}. */
        public Builder latent(String enc, int l) {
            encoding = enc;
            units = l;
            return this;
        }

        public Builder normalization(String v) {
            normalization = v;
            return this;
        }

        public Builder score(ScoreFactor v) {
            score = v;
            return this;
        }

        public Builder optimizer(String name, double lr) {
            optimizer = name;
            learningRate = lr;
            return this;
        }

        public Builder steps(int v) {
            steps = v;
            return this;
        }

        public Builder checkEvery(int v) {
            checkEvery = v;
            return this;
        }

        public Builder chainSteps(int v) {
            chainSteps = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder probeSegments(int v) {
            probeSegments = v;
            return this;
        }

        public Builder exactSteps(int v) {
            exactSteps = v;
            return this;
        }

        public Builder restarts(int v) {
            restarts = v;
            return this;
        }

        public Builder centering(boolean v) {
            centering = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder gradient(String v) {
            gradient = v;
            return this;
        }

        /** The estimator under test with its settings ({@code --gradient NAME --gradient-setting K=V}). */
        public Builder gradient(String v, Settings settings) {
            gradient = v;
            gradientSettings = settings;
            return this;
        }

        /** The z→x kernel with its settings ({@code --visible-kernel NAME --visible-kernel-setting K=V}). */
        public Builder visibleKernel(String v, Settings settings) {
            visibleKernel = v;
            visibleKernelSettings = settings;
            return this;
        }

        public ExactCheckOptions build() {
            return new ExactCheckOptions(data, dimension, classes, rows, flip, encoding, units, normalization, score,
                    optimizer, learningRate, steps, checkEvery, chainSteps, batchSize, probeSegments, exactSteps,
                    restarts, centering, seed, gradient, gradientSettings, visibleKernel, visibleKernelSettings);
        }
    }
}
