package org.nelc.analysis.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.core.likelihood.LogLikelihood;
import org.nelc.core.random.SeedStreams;
import org.nelc.core.random.SeedTree;

/**
 * Expectation-maximization for a {@link BernoulliMixture} (docs/model.md §8's ceiling for a one-hot model).
 *
 * <p>E-step: responsibilities {@code r_nk ∝ π_k p_k(x_n)}, in log space over the sparse 1-bits of each
 * row. M-step: {@code π_k = N_k / N}, {@code μ_ki = clip(Σ_n r_nk x_ni / N_k)} with {@code N_k = Σ_n r_nk}
 * ({@link EmSettings#clip()}). A component whose {@code N_k} underflows to 0 keeps its means (they do
 * not enter the bound) and weight 0. Each iteration is O(N·K·|x| + K·D).
 *
 * <p>Restarts are independent, each from its own seeded stream, and may run in parallel: the result does
 * not depend on the number of threads.
 */
public final class BernoulliMixtureEm {
    private BernoulliMixtureEm() {
    }

    /**
     * @param restarts every restart, in restart order
     * @param best index into {@code restarts} of the highest final log-likelihood (the first on ties)
     */
    public record Result(EmSettings settings, List<MixtureFit> restarts, int best) {
        public MixtureFit bestFit() {
            return restarts.get(best);
        }
    }

    /** Every restart of {@code settings}, on up to {@code threads} threads. */
    public static Result fit(Dataset data, EmSettings settings, int threads) {
        int r = settings.restarts();
        List<MixtureFit> fits = new ArrayList<>();
        if (threads <= 1 || r == 1) {
            for (int k = 0; k < r; k++) {
                fits.add(fitOne(data, settings, k));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, r));
            try {
                List<Future<MixtureFit>> futures = new ArrayList<>();
                for (int k = 0; k < r; k++) {
                    int restart = k;
                    futures.add(pool.submit(() -> fitOne(data, settings, restart)));
                }
                for (Future<MixtureFit> f : futures) {
                    fits.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("EM interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        int best = 0;
        for (int k = 1; k < fits.size(); k++) {
            if (fits.get(k).logLikelihood() > fits.get(best).logLikelihood()) {
                best = k;
            }
        }
        return new Result(settings, List.copyOf(fits), best);
    }

    /** Restart {@code restart} of {@code settings}. */
    public static MixtureFit fitOne(Dataset data, EmSettings settings, int restart) {
        long t0 = System.nanoTime();
        int k = settings.components();
        int d = data.dimension();
        int n = data.size();
        if (k > n) {
            throw new UserError("--components: " + k + " components for " + n + " data rows");
        }
        UniformRandomProvider rng = SeedTree.root(settings.seed()).child(SeedStreams.EM).child(SeedStreams.RESTART, restart).stream();
        double[] weights = new double[k];
        Arrays.fill(weights, 1.0 / k);
        double[] means = initialMeans(data, k, settings.initFraction(), rng);
        double clip = settings.clip();

        double[] history = new double[settings.maxIterations() + 1];
        double[] s = new double[k];
        double[] nk = new double[k];
        double[] sums = new double[d * k];
        int it = 0;
        boolean converged = false;
        while (true) {
            BernoulliMixture.Terms terms = new BernoulliMixture(d, weights, means).terms();
            Arrays.fill(nk, 0);
            Arrays.fill(sums, 0);
            double ll = 0;
            for (int m = 0; m < n; m++) {
                int[] act = data.active(m);
                double lse = terms.logJoint(act, s);
                ll += lse;
                for (int c = 0; c < k; c++) {
                    double r = StrictMath.exp(s[c] - lse);
                    s[c] = r;
                    nk[c] += r;
                }
                for (int i : act) {
                    int row = i * k;
                    for (int c = 0; c < k; c++) {
                        sums[row + c] += s[c];
                    }
                }
            }
            history[it] = ll / n;
            if (it > 0 && history[it] - history[it - 1] < settings.tolerance()) {
                converged = true;
                break;
            }
            if (it == settings.maxIterations()) {
                break;
            }
            // M-step
            for (int c = 0; c < k; c++) {
                weights[c] = nk[c] / n;
                if (!(nk[c] > 0)) {
                    continue;
                }
                double inv = 1.0 / nk[c];
                for (int i = 0; i < d; i++) {
                    double mu = sums[i * k + c] * inv;
                    means[c * d + i] = Math.min(1 - clip, Math.max(clip, mu));
                }
            }
            it++;
        }
        BernoulliMixture fitted = byDecreasingWeight(d, weights, means);
        double[] perPoint = fitted.logLikelihoods(data);
        return MixtureFit.builder().restart(restart).mixture(fitted).history(Arrays.copyOf(history, it + 1))
                .iterations(it).converged(converged).perPoint(perPoint).summary(LogLikelihood.summarize(perPoint))
                .seconds((System.nanoTime() - t0) * 1e-9).build();
    }

    /** Component {@code k}'s mean over its own random subset of {@code round(f·N)} rows (docs/model.md §5). */
    static double[] initialMeans(Dataset data, int k, double fraction, UniformRandomProvider rng) {
        int d = data.dimension();
        int n = data.size();
        int m = Math.max(1, (int) Math.round(fraction * n));
        int[] perm = new int[n];
        for (int j = 0; j < n; j++) {
            perm[j] = j;
        }
        double[] means = new double[k * d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < m; j++) {
                int r = j + rng.nextInt(n - j);
                int tmp = perm[j];
                perm[j] = perm[r];
                perm[r] = tmp;
                for (int i : data.active(perm[j])) {
                    means[c * d + i] += 1;
                }
            }
            for (int i = 0; i < d; i++) {
                double mu = means[c * d + i] / m;
                means[c * d + i] = Math.min(1 - EmSettings.INIT_CLIP, Math.max(EmSettings.INIT_CLIP, mu));
            }
        }
        return means;
    }

    private static BernoulliMixture byDecreasingWeight(int d, double[] weights, double[] means) {
        int k = weights.length;
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -weights[c]));
        double[] w = new double[k];
        double[] mu = new double[k * d];
        for (int j = 0; j < k; j++) {
            w[j] = weights[order[j]];
            System.arraycopy(means, order[j] * d, mu, j * d, d);
        }
        return new BernoulliMixture(d, w, mu);
    }
}
