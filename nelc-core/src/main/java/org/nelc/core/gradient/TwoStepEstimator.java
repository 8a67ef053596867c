package org.nelc.core.gradient;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.model.ModelView;
import org.nelc.core.kernel.VisibleTables;
import org.nelc.core.math.Fdlibm;
import org.nelc.core.math.LogMath;
import org.nelc.core.math.SparseSums;

/**
 * The paper's two-step gradient (Sect. III, Eqs. 16a–16d with the centering of Eq. 17; docs/model.md §4).
 *
 * <p>With responsibilities {@code r_t(x) = A_{z(t)x} / Σ_s A_{z(s)x}}, averaged over the minibatch:
 * <pre>
 *   ∂w_{jβ} : Σ_t r_t(x) z(t)_β (x_j − μ_j(z(t)))       ∂a_j : Σ_t r_t(x) (x_j − μ_j(z(t)))
 *   ∂w̄_{βj} : Σ_t r_t(x) (x'(t)_j − c_j) s_β(t)          ∂ā_β : Σ_t r_t(x) s_β(t)
 * </pre>
 * Entries of the record are grouped by latent state first: {@code A_{zx}} depends on {@code t} only
 * through {@code z(t)}, so {@code Σ_{t: z(t)=g} r_t(x) = n_g A_{gx} / Σ_h n_h A_{hx}}. The cost is
 * O(N·G·|x|) + O(G·D) + O(T·L·|x'|) with {@code G} distinct states and {@code |x|} active pixels.
 * All products of {@code A}s are taken in log space (log-sum-exp).
 *
 * <p>Layout (see docs/design-notes.md). Fields and {@code X^T R} are stored pixel-major,
 * {@code hT[i·gp + g]} with the groups padded to {@code gp}, a multiple of {@value #LANES}: a data
 * point's active pixels then read (and write) {@value #LANES} contiguous groups at a time, summed in
 * local variables; {@code ∂w̄} is accumulated the same way, {@code [i·lp + β]}, and transposed at the
 * end. Each sum keeps the order of the straightforward loops (pixels ascending, batch and record in
 * order), so the results are the same bits. Fields, means and log-partitions come from a
 * {@link VisibleTables}, shared with the chain when the trainer passes one.
 */
public final class TwoStepEstimator implements TableAwareEstimator {
    static final int LANES = 8;
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    @Override
    public String name() {
        return "two-step";
    }

    @Override
    public String description() {
        return "the paper's two-step approximation of the log-likelihood gradient (Eqs. 16a-16d, 17)";
    }

    @Override
    public double estimate(ModelView model, Dataset data, int[] batch, ChainRecord chain, ScoreFactor score,
            double[][] grad) {
        Workspace ws = WORKSPACE.get();
        if (ws.tables == null || ws.tables.model() != model) {
            ws.tables = new VisibleTables(model);
        } else {
            ws.tables.invalidate();
        }
        return estimate(model, ws.tables, data, batch, chain, score, grad);
    }

    /**
     * Sizes this thread's buffers for minibatches of up to {@code maxBatch} rows of {@code data} and
     * records of up to {@code maxEntries} entries, so that no buffer grows in the middle of a run: a
     * buffer that grows after the JIT has compiled the step (batches grow every epoch) sends the whole
     * estimator back to the interpreter and costs a recompilation. Optional; results do not depend on it.
     */
    @Override
    public void reserve(ModelView model, Dataset data, int maxBatch, int maxEntries) {
        int d = model.visibleSize();
        LatentKernel latent = model.latent();
        int l = latent.units();
        int maxGroups = (int) Math.min(maxEntries, latent.states());
        int gp = (maxGroups + LANES - 1) / LANES * LANES;
        int lp = (l + LANES - 1) / LANES * LANES;
        Workspace ws = WORKSPACE.get();
        ws.group(new int[maxEntries], maxEntries, latent.states());
        ws.ensure(maxGroups, gp, d, l, lp, maxBatch, maxEntries);
    }

    /**
     * As {@link #estimate(ModelView, Dataset, int[], ChainRecord, ScoreFactor, double[][])}, with the
     * caller's tables of {@code model} (up to date: invalidated since the parameters last changed).
     */
    @Override
    public double estimate(ModelView model, VisibleTables tables, Dataset data, int[] batch, ChainRecord chain,
            ScoreFactor score, double[][] grad) {
        int d = model.visibleSize();
        LatentKernel latent = model.latent();
        int l = latent.units();
        int len = chain.length();
        int n = batch.length;
        if (len < 1 || n < 1) {
            throw new IllegalArgumentException("empty chain record (" + len + ") or batch (" + n + ")");
        }
        if (data.dimension() != d) {
            throw new IllegalArgumentException("data dimension " + data.dimension() + " != model " + d);
        }
        if (tables.model() != model) {
            throw new IllegalArgumentException("the visible tables describe another model");
        }
        Workspace ws = WORKSPACE.get();
        int[] states = chain.states();
        int groups = ws.group(states, len, latent.states());
        int gp = (groups + LANES - 1) / LANES * LANES;
        int lp = (l + LANES - 1) / LANES * LANES;
        ws.ensure(groups, gp, d, l, lp, n, len);

        fields(tables, ws, groups, gp, d);
        double ll = responsibilities(data, batch, ws, groups, gp, len);
        double invN = 1.0 / n;
        visibleGradient(latent, data, batch, ws, groups, gp, d, l, invN, grad);
        latentGradient(model, chain, score, ws, len, d, l, lp, invN, grad);
        return ll * invN;
    }

    /**
     * Natural parameters (pixel-major {@code hT}; the fields for the canonical kernel), means, slopes
     * {@code dη/dh} (only for a kernel that is not canonical) and log-weights {@code log n_g − Z_g} of each
     * visited state.
     */
    private static void fields(VisibleTables tables, Workspace ws, int groups, int gp, int d) {
        double[] hT = ws.hT;
        // the padding groups' lanes keep stale fields: their sums are computed and never read
        Arrays.fill(ws.logWeight, 0, gp, 0.0);
        ws.canonical = true;
        for (int g = 0; g < groups; g++) {
            int slot = tables.slot(ws.groupState[g]);
            double[] h = tables.natural(slot);
            for (int i = 0; i < d; i++) {
                hT[i * gp + g] = h[i];
            }
            System.arraycopy(tables.mean(slot), 0, ws.mu, g * d, d);
            double[] slope = tables.slope(slot);
            if (slope != null) {
                if (ws.slope.length < groups * d) {
                    ws.slope = Arrays.copyOf(ws.slope, groups * d);
                }
                System.arraycopy(slope, 0, ws.slope, g * d, d);
                ws.canonical = false;
            }
            ws.logWeight[g] = StrictMath.log(ws.groupCount[g]) - tables.logPartition(slot);
        }

    }

    /**
     * Responsibilities {@code resp[m·gp + g]} per data point and state group, their sums {@code rs[g]}, and
     * the on-the-fly log-likelihood {@code Σ_m (lse_m − log T)}.
     */
    private static double responsibilities(Dataset data, int[] batch, Workspace ws, int groups, int gp, int len) {
        int n = batch.length;
        double[] hT = ws.hT;
        double[] s = ws.s;
        double[] resp = ws.resp;
        double[] rs = ws.rs;
        Arrays.fill(rs, 0, gp, 0.0);
        double ll = 0;
        double logLen = StrictMath.log(len);
        for (int m = 0; m < n; m++) {
            int[] act = data.active(batch[m]);
            SparseSums.basePlusRows(ws.logWeight, hT, gp, groups, act, s);
            double lse = LogMath.logSumExp(s, 0, groups);
            ll += lse - logLen;
            int row = m * gp;
            for (int g = 0; g < groups; g++) {
                double rg = Fdlibm.exp(s[g] - lse);
                resp[row + g] = rg;
                rs[g] += rg;
            }
            for (int g = groups; g < gp; g++) {
                resp[row + g] = 0.0;
            }
        }

        return ll;
    }

    /**
     * (16a), (16b): {@code X^T R} added row by row (each entry summed over the batch in order, from 0),
     * then the terms added to ∂w in ascending group order. A kernel that is not canonical multiplies each term {@code (x_i − μ_i)} by its slope {@code dη/dh_i} (chain rule
     * through {@code η(h)}; the canonical kernel's slope is 1 and is not applied, same bits as before).
     */
    private static void visibleGradient(LatentKernel latent, Dataset data, int[] batch, Workspace ws, int groups,
            int gp, int d, int l, double invN, double[][] grad) {
        double[] rs = ws.rs;
        double[] resp = ws.resp;
        double[] gw = grad[ModelView.W];
        double[] ga = grad[ModelView.A];
        Arrays.fill(gw, 0.0);
        Arrays.fill(ga, 0.0);
        boolean trainA = latent.trainsVisibleBias();
        double[] mu = ws.mu;
        double[] slope = ws.canonical ? null : ws.slope;
        int[] unitStart = ws.unitStart;
        int[] unitList = ws.unitList;
        int nu = 0;
        for (int g = 0; g < groups; g++) {
            unitStart[g] = nu;
            int k = latent.activeUnits(ws.groupState[g], ws.units);
            System.arraycopy(ws.units, 0, unitList, nu, k);
            nu += k;
        }
        unitStart[groups] = nu;
        double[] xrT = ws.xrT;
        Arrays.fill(xrT, 0, d * gp, 0.0);
        for (int m = 0; m < batch.length; m++) {
            int[] act = data.active(batch[m]);
            addRowToPixels(resp, m * gp, gp, groups, act, 0, act.length, xrT);
        }
        // group by group over all pixels: each entry of ∂w still receives its terms in ascending group order
        for (int g = 0; g < groups; g++) {
            int off = g * d;
            double rsg = rs[g];
            int u0 = unitStart[g];
            int u1 = unitStart[g + 1];
            if (slope != null) {
                for (int i = 0; i < d; i++) {
                    double v = (xrT[i * gp + g] - rsg * mu[off + i]) * slope[off + i] * invN;
                    for (int j = u0; j < u1; j++) {
                        gw[i * l + unitList[j]] += v;
                    }
                    if (trainA) {
                        ga[i] += v;
                    }
                }
                continue;
            }
            if (u1 - u0 == 1 && !trainA) {
                int b = unitList[u0];
                for (int i = 0; i < d; i++) {
                    gw[i * l + b] += (xrT[i * gp + g] - rsg * mu[off + i]) * invN;
                }
                continue;
            }
            for (int i = 0; i < d; i++) {
                double v = (xrT[i * gp + g] - rsg * mu[off + i]) * invN;
                for (int j = u0; j < u1; j++) {
                    gw[i * l + unitList[j]] += v;
                }
                if (trainA) {
                    ga[i] += v;
                }
            }
        }
    }

    /**
     * (16c) with (17), (16d): {@code ρ_t = ⟨r_t(x)⟩_batch = Rs_g / (N n_g)}; the terms {@code v_t = ρ_t s(t)}
     * per entry, then ∂w̄ added entry by entry (entries in order, from 0).
     */
    private static void latentGradient(ModelView model, ChainRecord chain, ScoreFactor score, Workspace ws, int len,
            int d, int l, int lp, double invN, double[][] grad) {
        LatentKernel latent = model.latent();
        int[] states = chain.states();
        double[] rs = ws.rs;
        double[] gwbar = grad[ModelView.WBAR];
        double[] gabar = grad[ModelView.ABAR];
        Arrays.fill(gabar, 0.0);
        double[] logits = chain.logits();
        int[] start = chain.activeStart();
        int[] idx = chain.activeIndices();
        double[] terms = ws.terms;
        for (int t = 0; t < len; t++) {
            int g = ws.groupOfEntry[t];
            double rho = rs[g] * invN / ws.groupCount[g];
            latent.score(logits, t * l, states[t], score, ws.score, 0);
            int row = t * lp;
            for (int b = 0; b < l; b++) {
                double vb = rho * ws.score[b];
                // a zero term changes no sum (sums start at +0 and never become −0): skipped as before
                terms[row + b] = vb;
                if (vb != 0) {
                    gabar[b] += vb;
                }
            }
            for (int b = l; b < lp; b++) {
                terms[row + b] = 0.0;
            }
        }
        double[] c = model.centering();
        double[] gwT = ws.gwT;
        Arrays.fill(gwT, 0, d * lp, 0.0);
        for (int t = 0; t < len; t++) {
            addRowToPixels(terms, t * lp, lp, l, idx, start[t], start[t + 1], gwT);
        }
        for (int b = 0; b < l; b++) {
            double sb = gabar[b];
            int row = b * d;
            for (int i = 0; i < d; i++) {
                gwbar[row + i] = gwT[i * lp + b] - sb * c[i];
            }
        }
    }


    /**
     * {@code sums[i·stride + k] += rows[off + k]} for every pixel {@code i} of {@code active[from…to−1]}
     * and {@code k < lanes} ({@code stride} a multiple of {@value #LANES}; lanes past {@code lanes} up to
     * the next multiple of 6 or 8 are added too and never read). Called row by row in ascending order on
     * sums that start at +0, it adds each entry's terms in the order of the straightforward loop (rows
     * ascending), so the sums are the same bits; going row-major, the inner loop exits once per row and
     * not once per pixel, and needs no column lists (docs/design-notes.md, "The last bookkeeping").
     */
    private static void addRowToPixels(double[] rows, int off, int stride, int lanes, int[] active, int from,
            int to, double[] sums) {
        int k0 = 0;
        for (; lanes - k0 > 6; k0 += LANES) {
            double r0 = rows[off + k0];
            double r1 = rows[off + k0 + 1];
            double r2 = rows[off + k0 + 2];
            double r3 = rows[off + k0 + 3];
            double r4 = rows[off + k0 + 4];
            double r5 = rows[off + k0 + 5];
            double r6 = rows[off + k0 + 6];
            double r7 = rows[off + k0 + 7];
            for (int p = from; p < to; p++) {
                int o = active[p] * stride + k0;
                sums[o] += r0;
                sums[o + 1] += r1;
                sums[o + 2] += r2;
                sums[o + 3] += r3;
                sums[o + 4] += r4;
                sums[o + 5] += r5;
                sums[o + 6] += r6;
                sums[o + 7] += r7;
            }
        }
        if (k0 < lanes) {
            double r0 = rows[off + k0];
            double r1 = rows[off + k0 + 1];
            double r2 = rows[off + k0 + 2];
            double r3 = rows[off + k0 + 3];
            double r4 = rows[off + k0 + 4];
            double r5 = rows[off + k0 + 5];
            for (int p = from; p < to; p++) {
                int o = active[p] * stride + k0;
                sums[o] += r0;
                sums[o + 1] += r1;
                sums[o + 2] += r2;
                sums[o + 3] += r3;
                sums[o + 4] += r4;
                sums[o + 5] += r5;
            }
        }
    }

    /** Per-thread buffers, grown as needed and never shrunk: no allocation per step. */
    private static final class Workspace {
        VisibleTables tables;
        int[] groupOfEntry = new int[0];
        int[] groupState = new int[0];
        double[] groupCount = new double[0];
        int[] stateToGroup = new int[0];
        final Map<Integer, Integer> sparseGroups = new HashMap<>();
        double[] hT = new double[0];
        double[] mu = new double[0];
        double[] slope = new double[0];
        boolean canonical = true;
        double[] resp = new double[0];
        double[] terms = new double[0];
        double[] xrT = new double[0];
        double[] gwT = new double[0];
        double[] logWeight = new double[0];
        double[] rs = new double[0];
        double[] s = new double[0];
        double[] score = new double[0];
        int[] units = new int[0];
        int[] unitStart = new int[0];
        int[] unitList = new int[0];

        /** Numbers the distinct states of the record 0…G−1 in order of first appearance; returns G. */
        int group(int[] states, int len, int nStates) {
            if (groupOfEntry.length < len) {
                groupOfEntry = new int[len];
                groupState = new int[len];
                groupCount = new double[len];
            }
            int groups = 0;
            if (nStates <= (1 << 16)) {
                if (stateToGroup.length < nStates) {
                    stateToGroup = new int[nStates];
                }
                Arrays.fill(stateToGroup, 0, nStates, -1);
                for (int t = 0; t < len; t++) {
                    int z = states[t];
                    int g = stateToGroup[z];
                    if (g < 0) {
                        g = groups++;
                        stateToGroup[z] = g;
                        groupState[g] = z;
                        groupCount[g] = 0;
                    }
                    groupCount[g]++;
                    groupOfEntry[t] = g;
                }
            } else {
                sparseGroups.clear();
                for (int t = 0; t < len; t++) {
                    int z = states[t];
                    Integer g = sparseGroups.get(z);
                    if (g == null) {
                        g = groups++;
                        sparseGroups.put(z, g);
                        groupState[g] = z;
                        groupCount[g] = 0;
                    }
                    groupCount[g]++;
                    groupOfEntry[t] = g;
                }
            }
            return groups;
        }

        void ensure(int groups, int gp, int d, int l, int lp, int n, int len) {
            if (hT.length < gp * d) {
                hT = new double[gp * d];
            }
            if (mu.length < groups * d) {
                mu = new double[groups * d];
            }
            if (logWeight.length < gp) {
                logWeight = new double[gp];
                rs = new double[gp];
                s = new double[gp];
            }
            if (xrT.length < gp * d) {
                xrT = new double[gp * d];
            }
            if (gwT.length < lp * d) {
                gwT = new double[lp * d];
            }
            if (resp.length < n * gp) {
                resp = new double[n * gp];
            }
            if (terms.length < len * lp) {
                terms = new double[len * lp];
            }
            if (score.length < l) {
                score = new double[l];
                units = new int[l];
            }
            if (unitStart.length < groups + 1) {
                unitStart = new int[groups + 1];
            }
            if (unitList.length < groups * l) {
                unitList = new int[groups * l];
            }
        }
    }
}
