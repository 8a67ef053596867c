package org.nelc.core.train;

import org.apache.commons.rng.UniformRandomProvider;
import org.nelc.api.data.Dataset;
import org.nelc.core.math.LogMath;
import org.nelc.core.model.Model;

/**
 * The paper's initialization (App. A.1; docs/model.md §5): {@code w̄ = 0}, {@code ā = 0} and, for each latent
 * unit α, {@code w_{iα} = logit(mean of x_i over a random subset D(α))} with {@code round(f·N)} rows
 * drawn without replacement (f = 0.1), the mean clipped to {@code [clip, 1 − clip]}, a different
 * subset for every α.
 *
 * <p>For the bits encoding (the paper is silent) nelc sets {@code a = logit(clip(c))} and
 * {@code w_{iβ} = (logit(mean over D(β)) − a_i) / L}, so that every state starts near the data mean
 * and each bit leans toward its own subset.
 */
public final class Initializer {
    private Initializer() {
    }

    public static void initialize(Model model, Dataset data, double fraction, double clip, UniformRandomProvider rng) {
        int d = model.visibleSize();
        int l = model.units();
        int n = data.size();
        int m = Math.max(1, (int) Math.round(fraction * n));
        int[] perm = new int[n];
        for (int k = 0; k < n; k++) {
            perm[k] = k;
        }
        double[] mean = new double[d];
        double[] w = model.w();
        boolean bits = model.latent().trainsVisibleBias();
        double[] a = model.a();
        if (bits) {
            double[] c = data.mean();
            for (int i = 0; i < d; i++) {
                a[i] = LogMath.logit(clamp(c[i], clip));
            }
        }
        for (int b = 0; b < l; b++) {
            // partial Fisher–Yates: perm[0 … m−1] is a uniform subset without replacement
            for (int k = 0; k < m; k++) {
                int j = k + rng.nextInt(n - k);
                int tmp = perm[k];
                perm[k] = perm[j];
                perm[j] = tmp;
            }
            java.util.Arrays.fill(mean, 0);
            for (int k = 0; k < m; k++) {
                for (int i : data.active(perm[k])) {
                    mean[i] += 1;
                }
            }
            for (int i = 0; i < d; i++) {
                double v = LogMath.logit(clamp(mean[i] / m, clip));
                w[i * l + b] = bits ? (v - a[i]) / l : v;
            }
        }
        java.util.Arrays.fill(model.wbar(), 0);
        java.util.Arrays.fill(model.abar(), 0);
    }

    private static double clamp(double p, double clip) {
        return Math.min(1 - clip, Math.max(clip, p));
    }
}
