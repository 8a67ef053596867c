package org.nelc.analysis.transition;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.kernel.BernoulliKernel;
import org.nelc.core.random.SeedStreams;
import org.nelc.core.random.SeedTree;

/**
 * The draws behind {@link RaoBlackwellEstimator}: for every estimated row {@code b}, its proposals
 * (untilted {@code A(b)} and the exponential tilts toward unlikely targets), its stream, and the
 * weighted sums {@code Σ w Ā(·|x)} in log space — over all draws, and per jackknife group. Grows on
 * demand ({@link #extendTo}); the sums over all draws do not depend on the number of groups.
 */
final class RowDraws {
    /** Damped fixed-point iterations of the tilt. */
    private static final int TILT_ITERATIONS = 40;
    private static final double LOG_HALF = StrictMath.log(0.5);
    /**
     * A tilted pixel law is Bernoulli in its natural parameter {@code η_i + g_i} whatever the model's
     * z→x kernel ({@code p(x_i|h) ∝ exp(x_i η(h))}, so {@code exp(g_i x_i)} shifts {@code η}): the
     * canonical kernel samples it.
     */
    private static final VisibleKernel NATURAL = new BernoulliKernel();
    /**
     * Proposals per target: the tilts {@code θ·k/LEVELS}, {@code k = 1 … LEVELS}. The contributions to
     * a tiny entry can come from a whole ladder of ever rarer {@code x} (one, two, three … pixels of
     * another prototype on); one tilt covers its end and the untilted law its start, the intermediate
     * tilts the rungs between, which one tilt alone would miss (measured: −25 % on a planted cycle).
     */
    static final int LEVELS = 4;

    private final KernelTables tables;
    private final LatentKernel latent;
    private final int n;
    private final int groups;
    private final boolean tilted;
    private final Row[] rows;

    RowDraws(KernelTables tables, boolean[] estimated, SeedTree seeds, boolean tilt, int initialSamples,
            int maxGroups, long memory) {
        this.tables = tables;
        this.latent = tables.latent();
        this.n = latent.states();
        this.rows = new Row[n];
        int count = 0;
        long minRounds = Long.MAX_VALUE;
        boolean anyTilt = false;
        for (int z = 0; z < n; z++) {
            if (estimated[z]) {
                rows[z] = new Row(z, seeds.child(SeedStreams.ROW, z).stream(), tilt);
                count++;
                minRounds = Math.min(minRounds, rows[z].roundsFor(initialSamples));
                anyTilt |= rows[z].proposals() > 1;
            }
        }
        long byMemory = memory / Math.max(1, (long) count * n);
        int k = (int) Math.min(maxGroups, Math.min(byMemory, minRounds));
        this.groups = k >= 2 ? k : 1;
        this.tilted = anyTilt;
        for (Row r : rows) {
            if (r != null) {
                r.allocate(groups);
            }
        }
    }

    /** The number of jackknife groups (1: none). */
    int groups() {
        return groups;
    }

    /** Whether any row has a tilted proposal. */
    boolean tilted() {
        return tilted;
    }

    /** Draws until every row has at least {@code samples} draws (whole rounds). */
    void extendTo(int samples) {
        double[] u = new double[tables.units()];
        double[] logp = new double[n];
        int[] active = new int[tables.dimension()];
        for (Row r : rows) {
            if (r != null) {
                r.drawRounds(r.roundsFor(samples), u, logp, active);
            }
        }
    }

    /**
     * The estimated matrix (rows not estimated are 0): from all draws ({@code leaveOut = −1}) or without
     * group {@code leaveOut}. Each row is its weighted sums normalized in log space.
     */
    double[] matrix(int leaveOut) {
        double[] m = new double[n * n];
        double[] lv = new double[n];
        for (int z = 0; z < n; z++) {
            Row r = rows[z];
            if (r == null) {
                continue;
            }
            double top = Double.NEGATIVE_INFINITY;
            for (int y = 0; y < n; y++) {
                lv[y] = leaveOut < 0 ? logOf(r.max[y], r.sum[y]) : r.logSumWithout(leaveOut, y);
                top = Math.max(top, lv[y]);
            }
            double total = 0;
            for (int y = 0; y < n; y++) {
                total += StrictMath.exp(lv[y] - top);
            }
            double logTotal = top + StrictMath.log(total);
            for (int y = 0; y < n; y++) {
                m[z * n + y] = StrictMath.exp(lv[y] - logTotal);
            }
        }
        return m;
    }

    private static double logOf(double max, double sum) {
        return sum > 0 ? max + StrictMath.log(sum) : Double.NEGATIVE_INFINITY;
    }

    /** One estimated row: proposals, stream, sums. */
    private final class Row {
        private final UniformRandomProvider rng;
        private final VisibleSampler[] samplers;
        /** θ_j of proposal j (row-major J × L); θ_0 = 0. */
        private final double[] theta;
        private final double[] logZ;
        private final double logJ;
        private long rounds;
        private double[] max;
        private double[] sum;
        private double[] gmax;
        private double[] gsum;

        Row(int b, UniformRandomProvider rng, boolean tilt) {
            this.rng = rng;
            int d = tables.dimension();
            int l = tables.units();
            double[] h = new double[d];
            tables.field(b, h, new int[l]);
            VisibleKernel visible = tables.visible();
            double[] eta = new double[d];
            tables.naturalField(b, eta, new int[l]);
            int most = 1 + n * LEVELS;
            double[][] thetas = new double[most][];
            double[] logZs = new double[most];
            VisibleSampler[] s = new VisibleSampler[most];
            s[0] = new VisibleSampler(h, visible);
            thetas[0] = new double[l];
            int j = 1;
            if (tilt) {
                Tilt t = new Tilt(eta);
                for (int a = 0; a < n; a++) {
                    double[] full = t.toward(a);
                    for (int level = 1; full != null && level <= LEVELS; level++) {
                        double[] th = full.clone();
                        for (int c = 0; c < l; c++) {
                            th[c] *= (double) level / LEVELS;
                        }
                        double[] field = new double[d];
                        logZs[j] = t.shiftedField(th, field);
                        s[j] = new VisibleSampler(field, NATURAL);
                        thetas[j] = th;
                        j++;
                    }
                }
            }
            this.samplers = Arrays.copyOf(s, j);
            this.theta = new double[j * l];
            for (int q = 0; q < j; q++) {
                System.arraycopy(thetas[q], 0, theta, q * l, l);
            }
            this.logZ = Arrays.copyOf(logZs, j);
            this.logJ = StrictMath.log(j);
        }

        int proposals() {
            return samplers.length;
        }

        long roundsFor(int samples) {
            return (samples + samplers.length - 1) / samplers.length;
        }

        void allocate(int k) {
            max = new double[n];
            sum = new double[n];
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            if (k >= 2) {
                gmax = new double[k * n];
                gsum = new double[k * n];
                Arrays.fill(gmax, Double.NEGATIVE_INFINITY);
            }
        }

        void drawRounds(long target, double[] u, double[] logp, int[] active) {
            int l = tables.units();
            int jn = samplers.length;
            for (; rounds < target; rounds++) {
                int goff = gmax == null ? -1 : (int) (rounds % groups) * n;
                for (int j = 0; j < jn; j++) {
                    int k = samplers[j].sample(rng, active);
                    tables.logits(active, k, u, 0);
                    latent.logProbs(u, 0, logp);
                    double lw = 0;
                    if (jn > 1) {
                        // log w = log J − log Σ_j exp(θ_j·u − log Z_j), the j = 0 term being exp(0)
                        double mx = 0;
                        double sm = 1;
                        for (int q = 1; q < jn; q++) {
                            double t = -logZ[q];
                            int off = q * l;
                            for (int c = 0; c < l; c++) {
                                t += theta[off + c] * u[c];
                            }
                            if (t <= mx) {
                                sm += StrictMath.exp(t - mx);
                            } else {
                                sm = sm * StrictMath.exp(mx - t) + 1.0;
                                mx = t;
                            }
                        }
                        lw = logJ - (mx + StrictMath.log(sm));
                    }
                    for (int y = 0; y < n; y++) {
                        double v = lw + logp[y];
                        if (v == Double.NEGATIVE_INFINITY) {
                            continue;
                        }
                        accumulate(max, sum, y, v);
                        if (goff >= 0) {
                            accumulate(gmax, gsum, goff + y, v);
                        }
                    }
                }
            }
        }

        /** {@code log Σ} over the groups other than {@code g} of entry {@code y}. */
        double logSumWithout(int g, int y) {
            double mx = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < groups; q++) {
                if (q != g && gsum[q * n + y] > 0) {
                    mx = Math.max(mx, gmax[q * n + y]);
                }
            }
            if (mx == Double.NEGATIVE_INFINITY) {
                return mx;
            }
            double s = 0;
            for (int q = 0; q < groups; q++) {
                if (q != g && gsum[q * n + y] > 0) {
                    s += gsum[q * n + y] * StrictMath.exp(gmax[q * n + y] - mx);
                }
            }
            return mx + StrictMath.log(s);
        }
    }

    /** Running log-sum-exp: {@code (max, sum)} at {@code i} absorbs {@code exp(v)}. */
    private static void accumulate(double[] max, double[] sum, int i, double v) {
        double mx = max[i];
        if (v <= mx) {
            sum[i] += StrictMath.exp(v - mx);
        } else {
            sum[i] = sum[i] * StrictMath.exp(mx - v) + 1.0;
            max[i] = v;
        }
    }

    /**
     * The tilt toward each target state of one row (see {@link RaoBlackwellEstimator}), in the natural
     * parameters {@code h} (= η) of the row's pixel laws.
     */
    private final class Tilt {
        private final double[] h;
        private final double[] g;
        private final double[] field;
        private final double[] ubar;

        Tilt(double[] h) {
            this.h = h;
            this.g = new double[h.length];
            this.field = new double[h.length];
            this.ubar = new double[tables.units()];
        }

        /** {@code θ} toward target {@code a}, or null when {@code a} needs none. */
        double[] toward(int a) {
            int l = tables.units();
            double[] zero = new double[l];
            if (logTarget(zero, 1.0, a) >= LOG_HALF) {
                return null;
            }
            double[] th = new double[l];
            double[] grad = new double[l];
            for (int it = 0; it < TILT_ITERATIONS; it++) {
                logTarget(th, 1.0, a);
                latent.score(ubar, 0, a, ScoreFactor.EXACT, grad, 0);
                double change = 0;
                double size = 0;
                for (int c = 0; c < l; c++) {
                    double next = it == 0 ? grad[c] : 0.5 * (th[c] + grad[c]);
                    change = Math.max(change, Math.abs(next - th[c]));
                    size = Math.max(size, Math.abs(next));
                    th[c] = next;
                }
                if (change <= 1e-6 * (1 + size)) {
                    break;
                }
            }
            if (logTarget(th, 1.0, a) > LOG_HALF) {
                // scale back to where Ā(a | ū) = 1/2 (bisection on the factor; the end at 0 is below 1/2)
                double lo = 0;
                double hi = 1;
                for (int it = 0; it < 30; it++) {
                    double mid = 0.5 * (lo + hi);
                    if (logTarget(th, mid, a) > LOG_HALF) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                for (int c = 0; c < l; c++) {
                    th[c] *= lo;
                }
            }
            boolean any = false;
            for (double v : th) {
                any |= v != 0;
            }
            return any ? th : null;
        }

        /** {@code log Ā(a | ū)} at the mean logits {@code ū} of the law tilted by {@code scale·θ} (left in ubar). */
        private double logTarget(double[] th, double scale, int a) {
            double[] scaled = th.clone();
            for (int c = 0; c < scaled.length; c++) {
                scaled[c] *= scale;
            }
            tables.pixelShift(scaled, g);
            for (int i = 0; i < h.length; i++) {
                field[i] = h[i] + g[i];
            }
            tables.meanLogits(field, ubar);
            return latent.logProb(ubar, 0, a);
        }

        /**
         * The natural parameters of the law tilted by {@code θ} into {@code out}; returns its exact
         * {@code log Z(θ) = θ·b + Σ_i [log(1 + e^{η_i + g_i}) − log(1 + e^{η_i})]}.
         */
        double shiftedField(double[] th, double[] out) {
            double logZ = tables.pixelShift(th, g);
            for (int i = 0; i < h.length; i++) {
                out[i] = h[i] + g[i];
                logZ += NATURAL.logPartition(out[i]) - NATURAL.logPartition(h[i]);
            }
            return logZ;
        }
    }
}
