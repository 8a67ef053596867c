package org.nelc.analysis.transition;

import java.util.ArrayList;
import java.util.List;
import org.nelc.analysis.entropy.EntropyProduction;
import org.nelc.analysis.uncertainty.Jackknife;
import org.nelc.api.UserError;
import org.nelc.api.diagnostic.TransitionEstimate;
import org.nelc.api.model.ModelView;
import org.nelc.core.likelihood.PreciseLikelihood;
import org.nelc.core.random.SeedTree;

/**
 * The Rao-Blackwellized estimate of Eq. 3 (docs/model.md §7): {@code M_{z'·} = E_{x~A(z')}[Ā(· | x)]}, the
 * counts' indicator {@code [z(t+1) = z]} replaced by its conditional expectation given {@code x'(t+1)},
 * so every entry is positive (σ of Eq. 21 finite by construction), averaged with importance sampling so
 * that the tiny reverse entries that dominate σ are estimated as well as the large ones.
 *
 * <p><b>Why importance sampling.</b> σ is dominated by {@code ln M_{ba}} of reverse transitions with
 * {@code M_{ba} ≈ 1e-4 … 1e-8}; a plain average of {@code Ā(a|x)} over {@code x ~ A(b)} is carried by
 * rare {@code x} where {@code Ā(a|x)} is large, so with a few thousand draws it usually misses them and
 * sometimes hits one: σ is biased and converges slowly (issue 10).
 *
 * <p><b>Proposals.</b> {@code A(x|b)} is a product of Bernoullis with fields {@code h}, and the logits
 * {@code u(x) = b̃ + Σ_{i∈x} w̄[:,i]} are linear in {@code x}; so for any direction {@code θ} in logit
 * space the tilted law {@code q_θ(x) ∝ A(x|b) exp(θ·u(x))} is again a product of Bernoullis, with fields
 * {@code h_i + (w̄ᵀθ)_i}, and its normalizer is exact:
 * {@code log Z(θ) = θ·b̃ + Σ_i [logPartition(h_i + (w̄ᵀθ)_i) − logPartition(h_i)]}. For each target state
 * {@code a} of row {@code b}, {@code θ} is the saddle point of the optimal proposal {@code ∝ A·Ā(a|·)}:
 * the fixed point of {@code θ = ∇_u log Ā(a | ū_θ)} ({@code ū_θ} the mean logits under {@code q_θ},
 * exact for a product law; the gradient is the kernel's exact score), damped, then scaled back so
 * that {@code Ā(a | ū_θ) ≤ 1/2} (beyond the point where {@code Ā(a|·)} saturates, a further tilt only
 * spreads the weights). Targets already likely under {@code A(b)} ({@code Ā(a | ū_0) ≥ 1/2}) get no
 * proposal. Each target gets a ladder of {@value RowDraws#LEVELS} tilts {@code θ·k/LEVELS}, so the
 * mixture also covers the intermediate {@code x} between the bulk of {@code A(b)} and the target
 * region. Then a cross-entropy step: from pilot draws of this mixture (a stream of their own,
 * discarded), the {@code A·Ā(a|·)}-weighted mean logits {@code μ_a} are estimated, and the tilt whose
 * law has mean logits {@code μ_a} (the member of the family closest in KL to the optimal proposal; damped
 * Newton, its Jacobian the exact logit covariance {@code Σ_i m_i(1−m_i) w̄[:,i] w̄[:,i]ᵀ}) gets a ladder
 * too. Up to {@value #TILT_STATES_LIMIT} states; larger state spaces use plain draws.
 *
 * <p><b>Weights.</b> Draws come in rounds, one from each of the row's {@code J} proposals
 * (the untilted {@code A(b)} and the tilted ones); every draw is weighted by the balance heuristic
 * (deterministic multiple importance sampling) {@code w(x) = A(x|b) / ((1/J) Σ_j q_j(x))
 * = J / Σ_j exp(θ_j·u(x) − log Z_j)}, exact and computed in log space; {@code w ≤ J} because the
 * untilted law is one of the components, so no draw can dominate. Each row is the self-normalized
 * average {@code Σ_s w_s Ā(·|x_s) / Σ_s w_s} (rows sum to one exactly; bias O(1/S), far below the
 * standard error), accumulated as running log-sum-exps so that no entry underflows.
 *
 * <p><b>Uncertainty.</b> Round {@code r} goes to group {@code r mod K} ({@code K} = {@value #GROUPS},
 * fewer when there are fewer rounds or when {@code K·rows·states} would exceed {@value #GROUP_MEMORY}
 * entries); the groups are independent, and the delete-one-group replicates of the whole matrix give
 * the jackknife error of anything derived from it ({@link #estimateWithReplicates}).
 *
 * <p><b>Precision.</b> With {@link #withPrecision}, the draws per row double until the jackknife
 * relative standard error of σ (Eq. 21, weighted by the stationary vector of M) is within the target —
 * or its absolute error within target × {@value #SIGMA_FLOOR} nats (σ ≈ 0 has no relative error) — or
 * the cap is reached, which the estimate's note then says.
 *
 * <p><b>Rows and streams.</b> With at most {@value #ALL_ROWS_LIMIT} states (one-hot) every row is
 * estimated; above that ({@code 2^L} bits states) only the rows of states on the trajectory. Row
 * {@code z'} draws from its own stream {@code seeds.child("row", z')}, continued when it grows, so a row
 * does not depend on which other rows are computed, nor on threads.
 *
 * <p><b>Work budget.</b> A large bits model (1024 visited rows of 1024 states) would take hours at 2000
 * draws per row, so the draws per row are lowered to keep {@code rows · S · (states · L + D)} within
 * {@value #WORK_BUDGET} (never below {@value #MIN_SAMPLES}); the draws actually used are the estimate's
 * {@code samples}. One-hot models and bits up to {@code L = 6} (D = 784, 2000 draws) get the requested
 * number; bits:8 gets about 370 draws per row, bits:10 the minimum. The cap of a precision target is
 * bounded by the same budget.
 */
public final class RaoBlackwellEstimator implements TransitionEstimator {
    public static final String NAME = "rao-blackwell";
    public static final int DEFAULT_SAMPLES = 2000;
    /** The default relative standard error targeted for σ ({@code --precision}). */
    public static final double DEFAULT_PRECISION = 0.02;
    /** The default cap of draws per row when a precision is targeted. */
    public static final int DEFAULT_MAX_SAMPLES = 64_000;
    static final int ALL_ROWS_LIMIT = 64;
    /** Most states for which rows get tilted proposals (one per target state). */
    static final int TILT_STATES_LIMIT = 16;
    /** Jackknife groups of draws. */
    static final int GROUPS = 20;
    /** Most group accumulators ({@code K · rows · states}) kept. */
    static final long GROUP_MEMORY = 1L << 22;
    /** nats per double step: below {@code precision × SIGMA_FLOOR} σ's absolute error is good enough. */
    static final double SIGMA_FLOOR = 0.01;
    /**
     * Most work one estimate may take, counted as rows × draws × (states · L + D) — each draw costs
     * about {@code D} pixel draws plus {@code log Ā} of every state, {@code L} log-sigmoids each for
     * bits — about 10 s at 40 ns a unit.
     */
    static final long WORK_BUDGET = 1L << 28;
    /** Fewest draws per row the budget may leave. */
    static final int MIN_SAMPLES = 64;

    private final int samplesPerRow;
    private final SeedTree seeds;
    private final double precision;
    private final int maxSamples;
    private final boolean tilting;

    /**
     * Fixed draws per row, importance-sampled, no precision target.
     *
     * @param samplesPerRow draws {@code S} per row (rounded up to whole rounds of the row's proposals)
     * @param seeds the node whose children seed the rows
     */
    public RaoBlackwellEstimator(int samplesPerRow, SeedTree seeds) {
        this(samplesPerRow, seeds, 0, samplesPerRow, true);
    }

    private RaoBlackwellEstimator(int samplesPerRow, SeedTree seeds, double precision, int maxSamples,
            boolean tilting) {
        if (samplesPerRow < 1) {
            throw new UserError("--rb-samples: must be at least 1, got " + samplesPerRow);
        }
        this.samplesPerRow = samplesPerRow;
        this.seeds = seeds;
        this.precision = precision;
        this.maxSamples = Math.max(samplesPerRow, maxSamples);
        this.tilting = tilting;
    }

    /**
     * The same estimator growing the draws per row (doubling, from the set number up to
     * {@code maxSamplesPerRow}) until σ's relative standard error is at most {@code relative}.
     */
    public RaoBlackwellEstimator withPrecision(double relative, int maxSamplesPerRow) {
        if (!(relative > 0 && relative < 1)) {
            throw new UserError("--precision: must be between 0 and 1 (exclusive), got " + relative);
        }
        return new RaoBlackwellEstimator(samplesPerRow, seeds, relative, maxSamplesPerRow, tilting);
    }

    /** The same estimator with plain draws {@code x ~ A(z')} only (the estimator before issue 10). */
    public RaoBlackwellEstimator withoutTilting() {
        return new RaoBlackwellEstimator(samplesPerRow, seeds, precision, maxSamples, false);
    }

    @Override
    public String name() {
        return NAME;
    }

    public int samplesPerRow() {
        return samplesPerRow;
    }

    @Override
    public TransitionEstimate estimate(ModelView model, int[] trajectory) {
        return estimateWithReplicates(model, trajectory).estimate();
    }

    @Override
    public ReplicatedEstimate estimateWithReplicates(ModelView model, int[] trajectory) {
        TransitionEstimator.checkStates(model);
        int n = model.latent().states();
        double[] occupancy = PreciseLikelihood.occupancy(trajectory, n);
        boolean[] rows = new boolean[n];
        for (int z = 0; z < n; z++) {
            rows[z] = n <= ALL_ROWS_LIMIT || occupancy[z] > 0;
        }
        int units = model.latent().units();
        int start = samplesWithinBudget(rows, n, units, model.visibleSize(), samplesPerRow);
        int cap = precision > 0 ? samplesWithinBudget(rows, n, units, model.visibleSize(), maxSamples) : start;
        RowDraws draws = new RowDraws(new KernelTables(model), rows, seeds, tilting && n <= TILT_STATES_LIMIT,
                start, GROUPS, GROUP_MEMORY);
        int samples = start;
        draws.extendTo(samples);
        ReplicatedEstimate r = replicated(draws, occupancy, rows, samples);
        if (precision > 0) {
            double[] se = new double[1];
            double rel = sigmaRelativeError(r, se);
            while (!withinTarget(rel, se[0]) && samples < cap) {
                samples = (int) Math.min(cap, 2L * samples);
                draws.extendTo(samples);
                r = replicated(draws, occupancy, rows, samples);
                rel = sigmaRelativeError(r, se);
            }
            String goal = String.format("σ's relative s.e. ≤ %.3g", precision);
            if (withinTarget(rel, se[0])) {
                r = new ReplicatedEstimate(r.estimate(), r.replicates(), r.method() + "; grown to "
                        + samples + " draws per row for " + goal, "");
            } else {
                r = new ReplicatedEstimate(r.estimate(), r.replicates(), r.method(), String.format(
                        "precision not reached: σ's relative s.e. %.3g > %.3g at the cap of %d draws per row",
                        rel, precision, samples));
            }
        }
        return r;
    }

    private boolean withinTarget(double rel, double se) {
        return rel <= precision || se <= precision * SIGMA_FLOOR;
    }

    /** σ's jackknife relative standard error; its absolute one into {@code se[0]} (NaN when undefined). */
    private static double sigmaRelativeError(ReplicatedEstimate r, double[] se) {
        double sigma = sigma(r.estimate());
        double[] reps = new double[r.replicates().size()];
        for (int k = 0; k < reps.length; k++) {
            reps[k] = sigma(r.replicates().get(k));
        }
        se[0] = Jackknife.standardError(reps);
        return se[0] / Math.abs(sigma);
    }

    private static double sigma(TransitionEstimate t) {
        return EntropyProduction.sigma(t.matrix(), LatentWeights.of(t), t.states());
    }

    private static ReplicatedEstimate replicated(RowDraws draws, double[] occupancy, boolean[] rows, int samples) {
        int n = occupancy.length;
        TransitionEstimate full = estimate(draws.matrix(-1), occupancy, rows, samples, n);
        List<TransitionEstimate> reps = new ArrayList<>();
        int k = draws.groups();
        for (int g = 0; k >= 2 && g < k; g++) {
            reps.add(estimate(draws.matrix(g), occupancy, rows, samples, n));
        }
        String method = "delete-one jackknife over " + k + " independent groups of draws, " + samples
                + " draws per row " + (draws.tilted() ? "(importance sampling: untilted and exponentially tilted "
                        + "product-Bernoulli proposals, balance-heuristic weights)" : "(plain draws x ~ A(z'))");
        return new ReplicatedEstimate(full, reps, method, "");
    }

    private static TransitionEstimate estimate(double[] m, double[] occupancy, boolean[] rows, int samples, int n) {
        return TransitionEstimate.builder().estimator(NAME).states(n).matrix(m).occupancy(occupancy)
                .stationary(StationaryVector.of(m, n, rows)).visited(rows).samples(samples).build();
    }

    /** The draws per row the work budget allows for these rows (see the class comment). */
    int samplesWithinBudget(boolean[] rows, int states, int units, int dimension) {
        return samplesWithinBudget(rows, states, units, dimension, samplesPerRow);
    }

    private static int samplesWithinBudget(boolean[] rows, int states, int units, int dimension, int wanted) {
        long k = 0;
        for (boolean r : rows) {
            k += r ? 1 : 0;
        }
        long perDraw = Math.max(1, k) * ((long) states * units + dimension);
        long allowed = WORK_BUDGET / perDraw;
        return (int) Math.max(Math.min(wanted, MIN_SAMPLES), Math.min(wanted, allowed));
    }

    /** The estimated rows {@code z'} with {@code rows[z']} (others 0), row-major {@code n × n}, with the set draws. */
    public double[] matrix(ModelView model, boolean[] rows) {
        RowDraws draws = new RowDraws(new KernelTables(model), rows, seeds,
                tilting && model.latent().states() <= TILT_STATES_LIMIT, samplesPerRow, GROUPS, GROUP_MEMORY);
        draws.extendTo(samplesPerRow);
        return draws.matrix(-1);
    }
}
