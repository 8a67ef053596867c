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
    /**
     * Rounds of pilot draws (from the row's {@code "pilot"} stream, then discarded) for the cross-entropy
     * tilts. The saddle-point tilt follows the local gradient of {@code log Ā(a|·)} and misses a second
     * mechanism that pays off only after a large move (another prototype's pixels on <em>and</em> the own
     * prototype's off); the member of the tilted family closest in KL to {@code A·Ā(a|·)} matches its mean
     * logits, which the pilot estimates. 256 rounds: measured on a planted two-mechanism cycle, σ's error
     * went from +1.3…2.5 % to −0.3…0.9 % (32 rounds: no gain), on paper seed 12 the coverage of the
     * 2-s.e. bars from 6/10 to 9/10.
     */
    static final int CE_ROUNDS = 256;

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
                SeedTree rowSeeds = seeds.child(SeedStreams.ROW, z);
                rows[z] = new Row(z, rowSeeds.stream(), rowSeeds.child("pilot").stream(), tilt);
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
        private VisibleSampler[] samplers;
        /** θ_j of proposal j (row-major J × L); θ_0 = 0. */
        private double[] theta;
        private double[] logZ;
        private double logJ;
        private long rounds;
        private double[] max;
        private double[] sum;
        private double[] gmax;
        private double[] gsum;

        Row(int b, UniformRandomProvider rng, UniformRandomProvider pilot, boolean tilt) {
            this.rng = rng;
            int d = tables.dimension();
            int l = tables.units();
            double[] h = new double[d];
            tables.field(b, h, new int[l]);
            double[] eta = new double[d];
            tables.naturalField(b, eta, new int[l]);
            java.util.List<double[]> thetas = new java.util.ArrayList<>();
            thetas.add(new double[l]);
            Tilt t = tilt ? new Tilt(eta) : null;
            double[][] saddle = new double[n][];
            if (tilt) {
                for (int a = 0; a < n; a++) {
                    saddle[a] = t.toward(a);
                    addLadder(thetas, saddle[a]);
                }
            }
            setProposals(thetas, h, t);
            if (tilt && CE_ROUNDS > 0 && samplers.length > 1) {
                // cross-entropy step: the member of the tilted family closest to A·Ā(a|·) matches its mean
                // logits, estimated from pilot draws of the current mixture (discarded afterwards)
                double[][] mu = pilotMeans(pilot, saddle);
                for (int a = 0; a < n; a++) {
                    if (mu[a] != null) {
                        addLadder(thetas, t.matching(mu[a], saddle[a]));
                    }
                }
                setProposals(thetas, h, t);
            }
        }

        private void addLadder(java.util.List<double[]> thetas, double[] full) {
            if (full == null) {
                return;
            }
            for (int level = 1; level <= LEVELS; level++) {
                double[] th = full.clone();
                for (int c = 0; c < th.length; c++) {
                    th[c] *= (double) level / LEVELS;
                }
                thetas.add(th);
            }
        }

        private void setProposals(java.util.List<double[]> thetas, double[] h, Tilt t) {
            int l = tables.units();
            int j = thetas.size();
            samplers = new VisibleSampler[j];
            theta = new double[j * l];
            logZ = new double[j];
            samplers[0] = new VisibleSampler(h, tables.visible());
            for (int q = 1; q < j; q++) {
                double[] field = new double[h.length];
                logZ[q] = t.shiftedField(thetas.get(q), field);
                samplers[q] = new VisibleSampler(field, NATURAL);
                System.arraycopy(thetas.get(q), 0, theta, q * l, l);
            }
            logJ = StrictMath.log(j);
        }

        /** The A·Ā(a|·)-weighted mean logits of every target with a tilt, from pilot draws. */
        private double[][] pilotMeans(UniformRandomProvider pilot, double[][] saddle) {
            int l = tables.units();
            double[] u = new double[l];
            double[] logp = new double[n];
            int[] active = new int[tables.dimension()];
            double[] mx = new double[n];
            double[] sm = new double[n];
            double[] su = new double[n * l];
            Arrays.fill(mx, Double.NEGATIVE_INFINITY);
            for (int r = 0; r < CE_ROUNDS; r++) {
                for (int j = 0; j < samplers.length; j++) {
                    double lw = drawOne(j, pilot, u, logp, active);
                    for (int a = 0; a < n; a++) {
                        if (saddle[a] == null) {
                            continue;
                        }
                        double v = lw + logp[a];
                        if (v == Double.NEGATIVE_INFINITY) {
                            continue;
                        }
                        double scale = 1;
                        if (v > mx[a]) {
                            double f = StrictMath.exp(mx[a] - v);
                            sm[a] *= f;
                            for (int c = 0; c < l; c++) {
                                su[a * l + c] *= f;
                            }
                            mx[a] = v;
                        } else {
                            scale = StrictMath.exp(v - mx[a]);
                        }
                        sm[a] += scale;
                        for (int c = 0; c < l; c++) {
                            su[a * l + c] += scale * u[c];
                        }
                    }
                }
            }
            double[][] mu = new double[n][];
            for (int a = 0; a < n; a++) {
                if (saddle[a] != null && sm[a] > 0) {
                    mu[a] = new double[l];
                    for (int c = 0; c < l; c++) {
                        mu[a][c] = su[a * l + c] / sm[a];
                    }
                }
            }
            return mu;
        }

        /** One draw from proposal {@code j}: its logits into u, log Ā into logp; returns log w. */
        private double drawOne(int j, UniformRandomProvider r, double[] u, double[] logp, int[] active) {
            int l = tables.units();
            int jn = samplers.length;
            int k = samplers[j].sample(r, active);
            tables.logits(active, k, u, 0);
            latent.logProbs(u, 0, logp);
            if (jn == 1) {
                return 0;
            }
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
            return logJ - (mx + StrictMath.log(sm));
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
            int jn = samplers.length;
            for (; rounds < target; rounds++) {
                int goff = gmax == null ? -1 : (int) (rounds % groups) * n;
                for (int j = 0; j < jn; j++) {
                    double lw = drawOne(j, rng, u, logp, active);
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

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s = Math.max(s, Math.abs(x));
        }
        return s;
    }

    /** Solves {@code a x = b} ({@code l × l}, Gaussian elimination with partial pivoting; a and b copied). */
    private static double[] solve(double[] a0, double[] b0, int l) {
        double[] a = a0.clone();
        double[] b = b0.clone();
        for (int c = 0; c < l; c++) {
            int p = c;
            for (int r = c + 1; r < l; r++) {
                if (Math.abs(a[r * l + c]) > Math.abs(a[p * l + c])) {
                    p = r;
                }
            }
            if (p != c) {
                for (int k = 0; k < l; k++) {
                    double t = a[c * l + k];
                    a[c * l + k] = a[p * l + k];
                    a[p * l + k] = t;
                }
                double t = b[c];
                b[c] = b[p];
                b[p] = t;
            }
            for (int r = c + 1; r < l; r++) {
                double f = a[r * l + c] / a[c * l + c];
                for (int k = c; k < l; k++) {
                    a[r * l + k] -= f * a[c * l + k];
                }
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[l];
        for (int c = l - 1; c >= 0; c--) {
            double s = b[c];
            for (int k = c + 1; k < l; k++) {
                s -= a[c * l + k] * x[k];
            }
            x[c] = s / a[c * l + c];
        }
        return x;
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

        /**
         * The tilt whose law has mean logits {@code mu} (damped Newton from {@code start}, Jacobian the
         * exact logit covariance); null when it does not converge.
         */
        double[] matching(double[] mu, double[] start) {
            int l = tables.units();
            double[] th = start.clone();
            double[] cov = new double[l * l];
            double[] res = residual(th, mu);
            for (int it = 0; it < 40 && norm(res) > 1e-8 * (1 + norm(mu)); it++) {
                tables.pixelShift(th, g);
                for (int i = 0; i < h.length; i++) {
                    field[i] = h[i] + g[i];
                }
                tables.logitCovariance(field, cov);
                for (int c = 0; c < l; c++) {
                    cov[c * l + c] += 1e-9;
                }
                double[] step = solve(cov, res, l);
                double before = norm(res);
                double f = 1;
                double[] next = th.clone();
                for (int k = 0; k < 20; k++) {
                    for (int c = 0; c < l; c++) {
                        next[c] = th[c] + f * step[c];
                    }
                    double[] r2 = residual(next, mu);
                    if (norm(r2) < before) {
                        res = r2;
                        break;
                    }
                    f *= 0.5;
                }
                if (f < 1e-5) {
                    break;
                }
                th = next;
            }
            for (double v : th) {
                if (!Double.isFinite(v)) {
                    return null;
                }
            }
            return th;
        }

        private double[] residual(double[] th, double[] mu) {
            tables.pixelShift(th, g);
            for (int i = 0; i < h.length; i++) {
                field[i] = h[i] + g[i];
            }
            tables.meanLogits(field, ubar);
            double[] r = new double[mu.length];
            for (int c = 0; c < mu.length; c++) {
                r[c] = mu[c] - ubar[c];
            }
            return r;
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
