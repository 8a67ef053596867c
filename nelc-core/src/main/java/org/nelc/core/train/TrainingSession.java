package org.nelc.core.train;

import java.util.Arrays;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerSettings;
import org.nelc.core.chain.LatentRows;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.chain.TransitionCounts;
import org.nelc.core.gradient.TableAwareEstimator;
import org.nelc.core.kernel.VisibleTables;
import org.nelc.core.model.Model;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.random.SeedStreams;
import org.nelc.core.random.SeedTree;

/**
 * The training loop, the only one (docs/model.md §3–5): a model, its persistent chains, the minibatch sampler and
 * an optimizer, advanced one gradient step at a time. A {@link #step step} draws a minibatch, runs the
 * chains for {@code T} double steps, counts the latent transitions, estimates the gradient and lets the
 * optimizer take it; an {@link #epoch epoch} is a run of steps with one minibatch size and its own
 * transition bookkeeping. {@link Trainer}, {@code exact-check} and the benchmarks all drive this class,
 * so what one of them measures is what the others run.
 *
 * <p>Randomness, from the session's {@link SeedTree} only: {@value SeedStreams#CHAIN_INIT} picks the data
 * row each chain starts from, {@value SeedStreams#CHAIN}{@code /k} drives chain {@code k} and
 * {@value SeedStreams#BATCH} the minibatches (the model's initialization, {@value SeedStreams#INIT}, is
 * done by {@link #start} before the session exists). Each stream is drawn from in one fixed order, so a run
 * is fixed by its seed whatever else runs beside it.
 *
 * <p>The z→x tables (fields, means, log-partitions, pixel thresholds) are computed once per step and shared
 * by the chain and a {@link TableAwareEstimator}: the same numbers either would compute alone. Another
 * estimator gets the chain's record only.
 */
public final class TrainingSession {
    private final Model model;
    private final Dataset data;
    private final GradientEstimator estimator;
    private final TableAwareEstimator tableAware;
    private final Optimizer optimizer;
    private final ScoreFactor score;
    private final int chainSteps;
    private final PersistentChain chain;
    private final VisibleTables tables;
    private final ChainRecord record;
    private final double[][] grad;

    // the minibatch sampler: partial Fisher–Yates over a persistent permutation
    private final RestorableUniformRandomProvider batchRng;
    private final int[] perm;
    private final int[][] batches;
    private int[] batch;

    // transition bookkeeping of the current epoch (docs/model.md §7: σ from counts and from Ā rows)
    private final TransitionCounts counts;
    private final LatentRows latentRows;
    private final int[] lastState;
    private boolean haveLastState;

    private int epoch = 1;
    private long steps;
    private final long startNanos;
    private double secondsBefore;

    private TrainingSession(Builder b) {
        model = b.model;
        data = b.data;
        estimator = b.estimator;
        tableAware = estimator instanceof TableAwareEstimator two ? two : null;
        optimizer = b.optimizer;
        score = b.score;
        chainSteps = b.chainSteps;
        int k = b.chains;
        int d = data.dimension();
        UniformRandomProvider chainInit = b.seeds.child(SeedStreams.CHAIN_INIT).stream();
        byte[][] x0 = new byte[k][];
        RestorableUniformRandomProvider[] rngs = new RestorableUniformRandomProvider[k];
        byte[] bits = data.bitsView();
        for (int c = 0; c < k; c++) {
            int row = chainInit.nextInt(data.size());
            x0[c] = Arrays.copyOfRange(bits, row * d, row * d + d);
            rngs[c] = b.seeds.child(SeedStreams.CHAIN, c).stream();
        }
        chain = new PersistentChain(x0, rngs);
        tables = new VisibleTables(model);
        if (tableAware != null) {
            tableAware.reserve(model, data, b.largestBatch, k * chainSteps);
        }
        record = new ChainRecord(k * chainSteps, d, model.units());
        int[] sizes = model.blockSizes();
        grad = new double[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            grad[i] = new double[sizes[i]];
        }
        batchRng = b.seeds.child(SeedStreams.BATCH).stream();
        perm = new int[data.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        batches = new int[b.largestBatch + 1][];
        counts = new TransitionCounts(model.latent().states());
        latentRows = LatentRows.supports(model.latent()) ? new LatentRows(model.latent()) : null;
        lastState = new int[k];
        startNanos = System.nanoTime();
    }

    /**
     * The session of a {@link TrainingConfig}: a new model for {@code data} with the kernels, estimator and
     * optimizer named in {@code config}, initialized (App. A.1; tied for {@code --model rbm}, docs/model.md §8),
     * seeded from {@code SeedTree.root(config.seed())}.
     */
    public static TrainingSession start(PluginCatalog plugins, TrainingConfig config, Dataset data) {
        if (config.largestBatch() > data.size()) {
            throw new UserError("--batch: minibatch size " + config.largestBatch() + " is larger than the dataset ("
                    + data.size() + " rows)");
        }
        MemoryBudget.checkTraining(config.latent(), data.dimension(), 1);
        GradientEstimator estimator = plugins.gradient(config.gradient(), config.gradientSettings());
        Model model = new Trainer(plugins).newModel(config, data);
        SeedTree seeds = SeedTree.root(config.seed());
        Initializer.initialize(model, data, config.initFraction(), config.initClip(),
                seeds.child(SeedStreams.INIT).stream());
        if (config.model() == ModelKind.RBM) {
            // equilibrium limit (docs/model.md §8): w̄ = wᵀ; the rbm-pcd gradient is symmetric, so they stay tied
            model.tieLatentToVisible();
        }
        Optimizer optimizer = plugins.optimizer(config.optimizer())
                .create(new OptimizerSettings(config.learningRate(), config.optimizerSettings()), model.blockSizes());
        return builder(model, data).estimator(estimator).optimizer(optimizer).score(config.score())
                .chains(config.chains()).chainSteps(config.chainSteps()).largestBatch(config.largestBatch())
                .seeds(seeds).build();
    }

    /** A session on an initialized {@code model}; every other part is named on the builder. */
    public static Builder builder(Model model, Dataset data) {
        return new Builder(model, data);
    }

    /** Hears about every step of an {@link #epoch}. */
    @FunctionalInterface
    public interface StepListener {
        StepListener NONE = (epoch, step) -> {
        };

        void onStep(int epoch, long step);
    }

    /**
     * One epoch: {@code stepsPerEpoch} steps with minibatches of {@code batchSize}, the transition bookkeeping
     * started afresh. Returns its row of {@code history.csv}: the mean on-the-fly log-likelihood and σ of the
     * epoch's latent trajectory, from counts and from {@code Ā} rows.
     */
    public EpochRecord epoch(int batchSize, int stepsPerEpoch, StepListener listener) {
        clearTransitions();
        double llSum = 0;
        for (int s = 0; s < stepsPerEpoch; s++) {
            llSum += step(batchSize);
            listener.onStep(epoch, steps);
        }
        EpochRecord.Builder rec = EpochRecord.builder().epoch(epoch).step(steps).batchSize(batchSize)
                .logLikelihood(llSum / stepsPerEpoch).sigma(counts.entropyProduction())
                .oneWayPairs(counts.oneWayPairs()).seconds(seconds());
        if (latentRows != null) {
            rec.sigmaRaoBlackwell(latentRows.entropyProduction());
        }
        epoch++;
        return rec.build();
    }

    /** One gradient step with a minibatch of {@code batchSize}; returns the estimator's log-likelihood. */
    public double step(int batchSize) {
        drawMinibatch(batchSize);
        invalidateTables();
        runChain();
        recordTransitions();
        double ll = estimateGradient();
        applyGradient();
        return ll;
    }

    // The phases of a step, public so a benchmark can put a clock around each; step() is their only order.

    /** Draws the next minibatch without replacement: partial Fisher–Yates over a persistent permutation. */
    public void drawMinibatch(int size) {
        batch = batches[size];
        if (batch == null) {
            batch = new int[size];
            batches[size] = batch;
        }
        int n = perm.length;
        for (int i = 0; i < size; i++) {
            int j = i + batchRng.nextInt(n - i);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
            batch[i] = perm[i];
        }
    }

    /** Marks the z→x tables stale: the parameters changed in the last step. */
    public void invalidateTables() {
        tables.invalidate();
    }

    /** Runs every chain {@code T} double steps into the record. */
    public void runChain() {
        chain.run(model, tables, chainSteps, record);
    }

    /** Adds the record's latent trajectories (and the step joining them to the last one) to the epoch's counts. */
    public void recordTransitions() {
        int[] states = record.states();
        int t = chainSteps;
        for (int c = 0; c < lastState.length; c++) {
            if (haveLastState) {
                counts.add(lastState[c], states[c * t]);
            }
            counts.addTrajectory(states, c * t, t);
            if (latentRows != null) {
                latentRows.add(record, c * t, t, haveLastState ? lastState[c] : -1);
            }
            lastState[c] = states[c * t + t - 1];
        }
        haveLastState = true;
    }

    /** The gradient estimate on the minibatch and the record (docs/model.md §4); returns its log-likelihood. */
    public double estimateGradient() {
        double ll = tableAware != null
                ? tableAware.estimate(model, tables, data, batch, record, score, grad)
                : estimator.estimate(model, data, batch, record, score, grad);
        steps++;
        for (int b = 0; b < grad.length; b++) {
            if (!allFinite(grad[b])) {
                throw new TrainingDivergedException(epoch, steps, "the gradient of " + Model.BLOCKS[b]);
            }
        }
        return ll;
    }

    /** The optimizer's step along the estimate. */
    public void applyGradient() {
        optimizer.step(model.blocks(), grad);
        for (double[] block : model.blocks()) {
            if (!allFinite(block)) {
                throw new TrainingDivergedException(epoch, steps, "parameter " + model.firstNonFinite());
            }
        }
    }

    /** Starts the transition bookkeeping afresh (the next step's first state joins no previous one). */
    public void clearTransitions() {
        counts.clear();
        if (latentRows != null) {
            latentRows.clear();
        }
        haveLastState = false;
    }

    /**
     * Whether every entry is finite. (Measured on 10 198 entries: this loop 3.0 µs; a branch-free sum of
     * {@code v·0} in two accumulators 4.3 µs; an OR over the exponent bits 3.4 µs.)
     */
    static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    public Model model() {
        return model;
    }

    public PersistentChain chain() {
        return chain;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The z→x tables shared by the chain and the estimator (their counters are the benchmarks'). */
    public VisibleTables tables() {
        return tables;
    }

    /** The number of the next {@link #epoch} (1 for a new session). */
    public int nextEpoch() {
        return epoch;
    }

    /** Gradient steps taken. */
    public long steps() {
        return steps;
    }

    /** Wall time since the session was built. */
    public double seconds() {
        return secondsBefore + (System.nanoTime() - startNanos) * 1e-9;
    }

    /**
     * Where the session stands between two epochs, beyond the model, the chains and the optimizer: the
     * next epoch, the steps taken, the minibatch stream's state and its permutation, and the seconds spent.
     * With those four it continues bit-identically ({@link #resume}); the transition bookkeeping needs
     * nothing, since every epoch starts it afresh.
     */
    public record Position(int nextEpoch, long steps, byte[] batchRngState, int[] permutation, double seconds) {
    }

    /** The session's {@link Position}; meaningful between two {@link #epoch epochs} only. */
    public Position position() {
        return new Position(epoch, steps, ((RandomProviderDefaultState) batchRng.saveState()).getState(),
                perm.clone(), seconds());
    }

    /**
     * Puts this session where a checkpoint left one with the same configuration and data: the parameters,
     * the optimizer's state, every chain's visible state and stream, and the {@link Position}.
     */
    public void resume(Position at, double[][] parameters, double[][] optimizerState, byte[][] chainVisible,
            byte[][] chainRngStates) {
        double[][] blocks = model.blocks();
        if (parameters.length != blocks.length || at.permutation().length != perm.length
                || chainVisible.length != chain.chains() || chainRngStates.length != chain.chains()) {
            throw new UserError("the checkpoint does not belong to this configuration and data ("
                    + chainVisible.length + " chains, " + at.permutation().length + " rows)");
        }
        for (int b = 0; b < blocks.length; b++) {
            if (parameters[b].length != blocks[b].length) {
                throw new UserError("the checkpoint's " + Model.BLOCKS[b] + " has " + parameters[b].length
                        + " values, the model " + blocks[b].length);
            }
            System.arraycopy(parameters[b], 0, blocks[b], 0, blocks[b].length);
        }
        optimizer.restore(optimizerState);
        for (int k = 0; k < chain.chains(); k++) {
            chain.restore(k, chainVisible[k]);
            chain.stream(k).restoreState(new RandomProviderDefaultState(chainRngStates[k]));
        }
        batchRng.restoreState(new RandomProviderDefaultState(at.batchRngState()));
        System.arraycopy(at.permutation(), 0, perm, 0, perm.length);
        epoch = at.nextEpoch();
        steps = at.steps();
        secondsBefore = at.seconds() - (System.nanoTime() - startNanos) * 1e-9;
        clearTransitions();
    }

    /** The parts of a session, named. Required: estimator, optimizer, score, seeds; defaults K = 1, T = 48. */
    public static final class Builder {
        private final Model model;
        private final Dataset data;
        private GradientEstimator estimator;
        private Optimizer optimizer;
        private ScoreFactor score;
        private SeedTree seeds;
        private int chains = 1;
        private int chainSteps = 48;
        private int largestBatch = 1;

        private Builder(Model model, Dataset data) {
            this.model = model;
            this.data = data;
        }

        public Builder estimator(GradientEstimator v) {
            estimator = v;
            return this;
        }

        public Builder optimizer(Optimizer v) {
            optimizer = v;
            return this;
        }

        /** The score factor of Eqs. 16c/16d. */
        public Builder score(ScoreFactor v) {
            score = v;
            return this;
        }

        /** Number {@code K} of persistent chains, pooled in the record. */
        public Builder chains(int v) {
            chains = v;
            return this;
        }

        /** Double steps {@code T} per gradient step. */
        public Builder chainSteps(int v) {
            chainSteps = v;
            return this;
        }

        /** The largest minibatch a step will ask for (the estimator's buffers are reserved for it). */
        public Builder largestBatch(int v) {
            largestBatch = v;
            return this;
        }

        /** The node whose {@link SeedStreams#CHAIN_INIT}, {@link SeedStreams#CHAIN} and {@link SeedStreams#BATCH} children seed the session. */
        public Builder seeds(SeedTree v) {
            seeds = v;
            return this;
        }

        public TrainingSession build() {
            if (estimator == null || optimizer == null || score == null || seeds == null) {
                throw new IllegalStateException("a training session needs an estimator, an optimizer, a score and seeds");
            }
            if (chains < 1 || chainSteps < 1 || largestBatch < 1 || largestBatch > data.size()) {
                throw new IllegalArgumentException("chains " + chains + ", chain steps " + chainSteps
                        + ", largest batch " + largestBatch + " of " + data.size() + " rows");
            }
            return new TrainingSession(this);
        }
    }
}
