package org.nelc.core.reference;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.model.ModelView;
import org.nelc.core.math.LogMath;

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
 */
public final class ReferenceTwoStepEstimator implements GradientEstimator {
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
        Workspace ws = WORKSPACE.get();
        int[] states = chain.states();
        int groups = ws.group(states, len, latent.states());
        ws.ensure(groups, d, l, n, len);

        // fields, means and log-partitions of each visited state
        double[] w = model.w();
        double[] a = model.a();
        var vk = model.visible();
        for (int g = 0; g < groups; g++) {
            int off = g * d;
            System.arraycopy(a, 0, ws.h, off, d);
            int k = latent.activeUnits(ws.groupState[g], ws.units);
            for (int j = 0; j < k; j++) {
                int b = ws.units[j];
                for (int i = 0; i < d; i++) {
                    ws.h[off + i] += w[i * l + b];
                }
            }
            double lz = 0;
            for (int i = 0; i < d; i++) {
                double hi = ws.h[off + i];
                lz += vk.logPartition(hi);
                ws.mu[off + i] = vk.mean(hi);
            }
            ws.logWeight[g] = StrictMath.log(ws.groupCount[g]) - lz;
        }

        // responsibilities per (data point, state group), the on-the-fly log-likelihood, X^T R
        Arrays.fill(ws.xr, 0, groups * d, 0.0);
        Arrays.fill(ws.rs, 0, groups, 0.0);
        double ll = 0;
        double logLen = StrictMath.log(len);
        for (int m = 0; m < n; m++) {
            int[] act = data.active(batch[m]);
            int so = m * groups;
            for (int g = 0; g < groups; g++) {
                double s = ws.logWeight[g];
                int off = g * d;
                for (int i : act) {
                    s += ws.h[off + i];
                }
                ws.s[so + g] = s;
            }
            double lse = LogMath.logSumExp(ws.s, so, groups);
            ll += lse - logLen;
            for (int g = 0; g < groups; g++) {
                double r = StrictMath.exp(ws.s[so + g] - lse);
                ws.rs[g] += r;
                int off = g * d;
                for (int i : act) {
                    ws.xr[off + i] += r;
                }
            }
        }

        // (16a), (16b)
        double invN = 1.0 / n;
        double[] gw = grad[ModelView.W];
        double[] ga = grad[ModelView.A];
        Arrays.fill(gw, 0.0);
        Arrays.fill(ga, 0.0);
        boolean trainA = latent.trainsVisibleBias();
        for (int g = 0; g < groups; g++) {
            int off = g * d;
            double rsg = ws.rs[g];
            int k = latent.activeUnits(ws.groupState[g], ws.units);
            for (int i = 0; i < d; i++) {
                double v = (ws.xr[off + i] - rsg * ws.mu[off + i]) * invN;
                for (int j = 0; j < k; j++) {
                    gw[i * l + ws.units[j]] += v;
                }
                if (trainA) {
                    ga[i] += v;
                }
            }
        }

        // (16c) with (17), (16d): ρ_t = ⟨r_t(x)⟩_batch = Rs_g / (N n_g)
        double[] gwbar = grad[ModelView.WBAR];
        double[] gabar = grad[ModelView.ABAR];
        Arrays.fill(gwbar, 0.0);
        Arrays.fill(gabar, 0.0);
        double[] logits = chain.logits();
        int[] start = chain.activeStart();
        int[] idx = chain.activeIndices();
        for (int t = 0; t < len; t++) {
            int g = ws.groupOfEntry[t];
            double rho = ws.rs[g] * invN / ws.groupCount[g];
            latent.score(logits, t * l, states[t], score, ws.score, 0);
            for (int b = 0; b < l; b++) {
                double v = rho * ws.score[b];
                if (v == 0) {
                    continue;
                }
                gabar[b] += v;
                int row = b * d;
                for (int p = start[t]; p < start[t + 1]; p++) {
                    gwbar[row + idx[p]] += v;
                }
            }
        }
        double[] c = model.centering();
        for (int b = 0; b < l; b++) {
            double sb = gabar[b];
            int row = b * d;
            for (int i = 0; i < d; i++) {
                gwbar[row + i] -= sb * c[i];
            }
        }
        return ll * invN;
    }

    /** Per-thread buffers, grown as needed and never shrunk: no allocation per step. */
    private static final class Workspace {
        int[] groupOfEntry = new int[0];
        int[] groupState = new int[0];
        double[] groupCount = new double[0];
        int[] stateToGroup = new int[0];
        final Map<Integer, Integer> sparseGroups = new HashMap<>();
        double[] h = new double[0];
        double[] mu = new double[0];
        double[] xr = new double[0];
        double[] logWeight = new double[0];
        double[] rs = new double[0];
        double[] s = new double[0];
        double[] score = new double[0];
        int[] units = new int[0];

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

        void ensure(int groups, int d, int l, int n, int len) {
            if (h.length < groups * d) {
                h = new double[groups * d];
                mu = new double[groups * d];
                xr = new double[groups * d];
            }
            if (logWeight.length < groups) {
                logWeight = new double[groups];
                rs = new double[groups];
            }
            if (s.length < n * groups) {
                s = new double[n * groups];
            }
            if (score.length < l) {
                score = new double[l];
                units = new int[l];
            }
        }
    }
}
