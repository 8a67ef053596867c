package org.nelc.analysis.transition;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.nelc.api.UserError;
import org.nelc.api.diagnostic.TransitionEstimate;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.model.ModelView;
import org.nelc.core.likelihood.PreciseLikelihood;
import org.nelc.core.random.SeedStreams;
import org.nelc.core.random.SeedTree;

/**
 * The Rao-Blackwellized estimate of Eq. 3 (SPEC §7): {@code M_{z'·} = (1/S) Σ_{s<S} Ā(· | x_s)} with
 * {@code x_s ~ A(z')} i.i.d. The counts' indicator {@code [z(t+1) = z]} is replaced by its conditional
 * expectation given {@code x'(t+1)}, so every entry is positive (σ of Eq. 21 finite by construction)
 * and the variance is far lower; the estimate is unbiased for every entry.
 *
 * <p>Which rows: with at most {@value #ALL_ROWS_LIMIT} states (one-hot) every row is estimated, visited
 * or not; above that ({@code 2^L} bits states) only the rows of states that occur on the trajectory,
 * the others are 0 with {@code visited} false. Row {@code z'} draws from its own stream
 * {@code seeds.child("row", z')}, so a row does not depend on which other rows are computed.
 * Each entry is accumulated as a running log-sum-exp of {@code log Ā}, so no entry underflows to 0
 * before the average is taken. Cost per row: {@code S·(D + L·|x| + cost of logProbs)}.
 *
 * <p>Work budget: a large bits model (1024 visited rows of 1024 states) would take hours at 2000 draws
 * per row, so the draws per row are lowered to keep {@code rows · S · (states · L + D)} within
 * {@value #WORK_BUDGET} (never below {@value #MIN_SAMPLES}); the draws actually used are the estimate's
 * {@code samples}. One-hot models and bits up to {@code L = 6} (D = 784, 2000 draws) get the requested
 * number; bits:8 gets about 370 draws per row, bits:10 the minimum.
 */
public final class RaoBlackwellEstimator implements TransitionEstimator {
    public static final String NAME = "rao-blackwell";
    public static final int DEFAULT_SAMPLES = 2000;
    static final int ALL_ROWS_LIMIT = 64;
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

    /**
     * @param samplesPerRow draws {@code S} of {@code x ~ A(z')} per row
     * @param seeds the node whose children seed the rows
     */
    public RaoBlackwellEstimator(int samplesPerRow, SeedTree seeds) {
        if (samplesPerRow < 1) {
            throw new UserError("--rb-samples: must be at least 1, got " + samplesPerRow);
        }
        this.samplesPerRow = samplesPerRow;
        this.seeds = seeds;
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
        TransitionEstimator.checkStates(model);
        int n = model.latent().states();
        double[] occupancy = PreciseLikelihood.occupancy(trajectory, n);
        boolean[] rows = new boolean[n];
        for (int z = 0; z < n; z++) {
            rows[z] = n <= ALL_ROWS_LIMIT || occupancy[z] > 0;
        }
        int used = samplesWithinBudget(rows, n, model.latent().units(), model.visibleSize());
        double[] m = matrix(model, rows, used);
        double[] stationary = StationaryVector.of(m, n, rows);
        return new TransitionEstimate(NAME, n, m, occupancy, stationary, rows, used);
    }

    /** The draws per row the work budget allows for these rows (see the class comment). */
    int samplesWithinBudget(boolean[] rows, int states, int units, int dimension) {
        long k = 0;
        for (boolean r : rows) {
            k += r ? 1 : 0;
        }
        long perDraw = Math.max(1, k) * ((long) states * units + dimension);
        long allowed = WORK_BUDGET / perDraw;
        return (int) Math.max(Math.min(samplesPerRow, MIN_SAMPLES), Math.min(samplesPerRow, allowed));
    }

    /** The estimated rows {@code z'} with {@code rows[z']} (others 0), row-major {@code n × n}, with the set draws. */
    public double[] matrix(ModelView model, boolean[] rows) {
        return matrix(model, rows, samplesPerRow);
    }

    private double[] matrix(ModelView model, boolean[] rows, int samples) {
        KernelTables tables = new KernelTables(model);
        LatentKernel latent = tables.latent();
        int n = latent.states();
        int d = tables.dimension();
        double[] m = new double[n * n];
        double[] h = new double[d];
        int[] scratch = new int[tables.units()];
        int[] active = new int[d];
        double[] u = new double[tables.units()];
        double[] logp = new double[n];
        double[] max = new double[n];
        double[] sum = new double[n];
        double logS = StrictMath.log(samples);
        for (int z = 0; z < n; z++) {
            if (!rows[z]) {
                continue;
            }
            tables.field(z, h, scratch);
            VisibleSampler sampler = new VisibleSampler(h, tables.visible());
            UniformRandomProvider rng = seeds.child(SeedStreams.ROW, z).stream();
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            Arrays.fill(sum, 0.0);
            for (int s = 0; s < samples; s++) {
                int k = sampler.sample(rng, active);
                tables.logits(active, k, u, 0);
                latent.logProbs(u, 0, logp);
                for (int y = 0; y < n; y++) {
                    double v = logp[y];
                    double mx = max[y];
                    if (v == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    if (v <= mx) {
                        sum[y] += StrictMath.exp(v - mx);
                    } else {
                        sum[y] = sum[y] * StrictMath.exp(mx - v) + 1.0;
                        max[y] = v;
                    }
                }
            }
            int row = z * n;
            double total = 0;
            for (int y = 0; y < n; y++) {
                double v = sum[y] > 0 ? StrictMath.exp(max[y] + StrictMath.log(sum[y]) - logS) : 0.0;
                m[row + y] = v;
                total += v;
            }
            for (int y = 0; y < n; y++) {
                m[row + y] /= total; // a row is an average of distributions: the sum is 1 up to rounding
            }
        }
        return m;
    }
}
