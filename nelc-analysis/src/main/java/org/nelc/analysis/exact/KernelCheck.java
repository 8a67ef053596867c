package org.nelc.analysis.exact;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.nelc.api.UserError;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.latent.ScoreFactor;

/**
 * Checks that a kernel's derivatives are the derivatives of its own log-probabilities, before the exact
 * gradient ({@link ExactGradient}, which trusts them) is used as the reference: for the x→z kernel, the
 * exact score {@code ∂ log Ā(s|u)/∂u_β} against central differences of {@code logProb}, and that
 * {@code Σ_s Ā(s|u) = 1}; for the z→x kernel, {@code naturalSlope} against central differences of
 * {@code natural}, and {@code mean = sigmoid(η)}, {@code logPartition = softplus(η)} (the SPI's identities).
 * A plugin with a wrong derivative is then named instead of passing the check against itself.
 *
 * <p>Points: {@value #LOGIT_VECTORS} logit vectors with entries uniform in [−3, 3] (a seeded stream), every
 * state (at most {@value #MAX_STATES}, else a seeded sample) and unit; fields {@code h} from −30 to 30.
 * Tolerance: central differences with {@code ε = 1e-5} err by {@code ε²|f'''|/6 + 1e-16|f|/ε}, about
 * 1e-10 for these smooth functions of moderate size; {@value #TOLERANCE} (relative to {@code max(1, |value|)})
 * leaves four orders of margin and still catches any wrong factor or sign.
 *
 * @param summary one line: what was checked and the largest error found
 */
public record KernelCheck(String summary) {
    static final int LOGIT_VECTORS = 8;
    static final int MAX_STATES = 1024;
    static final double EPS = 1e-5;
    static final double TOLERANCE = 1e-6;

    /**
     * Checks both kernels.
     *
     * @throws UserError naming the kernel, the point and the two values when a derivative or identity fails
     */
    public static KernelCheck of(LatentKernel latent, VisibleKernel visible, UniformRandomProvider rng) {
        double latentError = latent(latent, rng);
        double visibleError = visible(visible);
        return new KernelCheck(String.format(Locale.ROOT, "kernel check: %s score = finite differences of its "
                + "logProb (max rel. error %.1e), probabilities sum to 1; %s slope, mean, logPartition consistent "
                + "with its natural parameter (max rel. error %.1e)", latent.encoding(), latentError, visible.name(),
                visibleError));
    }

    private static double latent(LatentKernel k, UniformRandomProvider rng) {
        int l = k.units();
        int states = k.states();
        double[] u = new double[l];
        double[] score = new double[l];
        double[] logp = new double[states];
        double worst = 0;
        for (int v = 0; v < LOGIT_VECTORS; v++) {
            for (int b = 0; b < l; b++) {
                u[b] = 6 * rng.nextDouble() - 3;
            }
            k.logProbs(u, 0, logp);
            double total = 0;
            for (int s = 0; s < states; s++) {
                total += StrictMath.exp(logp[s]);
            }
            if (!(Math.abs(total - 1) <= TOLERANCE)) {
                throw new UserError(String.format(Locale.ROOT, "exact-check: the %s kernel (%s) is not normalized: "
                        + "its probabilities sum to %.9g at u = %s", k.encoding(), k.getClass().getName(), total,
                        Arrays.toString(u)));
            }
            int checked = Math.min(states, MAX_STATES);
            for (int j = 0; j < checked; j++) {
                int s = states <= MAX_STATES ? j : rng.nextInt(states);
                k.score(u, 0, s, ScoreFactor.EXACT, score, 0);
                for (int b = 0; b < l; b++) {
                    double keep = u[b];
                    u[b] = keep + EPS;
                    double up = k.logProb(u, 0, s);
                    u[b] = keep - EPS;
                    double down = k.logProb(u, 0, s);
                    u[b] = keep;
                    double fd = (up - down) / (2 * EPS);
                    double err = Math.abs(score[b] - fd) / Math.max(1, Math.abs(fd));
                    if (!(err <= TOLERANCE)) {
                        throw new UserError(String.format(Locale.ROOT, "exact-check: the %s kernel (%s) fails the "
                                + "score check: d log Abar(s=%d|u)/du_%d is %.9g by its exact score() but %.9g by finite "
                                + "differences of its logProb() at u = %s; the exact gradient would inherit the error",
                                k.encoding(), k.getClass().getName(), s, b, score[b], fd, Arrays.toString(u)));
                    }
                    worst = Math.max(worst, err);
                }
            }
        }
        return worst;
    }

    private static double visible(VisibleKernel k) {
        double worst = 0;
        for (int i = 0; i <= 160; i++) {
            double h = -30 + i * 0.375;
            double eta = k.natural(h);
            double fd = (k.natural(h + EPS) - k.natural(h - EPS)) / (2 * EPS);
            // a linear η has no truncation error, but rounding grows with |h|: 1e-16·|h|/ε
            double slopeErr = Math.abs(k.naturalSlope(h) - fd) / Math.max(1, Math.abs(fd)) / Math.max(1, Math.abs(h));
            double softplus = Math.max(eta, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(eta)));
            double sigmoid = eta >= 0 ? 1 / (1 + StrictMath.exp(-eta)) : StrictMath.exp(eta) / (1 + StrictMath.exp(eta));
            double partErr = Math.abs(k.logPartition(h) - softplus) / Math.max(1, softplus);
            double meanErr = Math.abs(k.mean(h) - sigmoid);
            String what = !(slopeErr <= TOLERANCE) ? String.format(Locale.ROOT, "naturalSlope is %.9g but finite "
                    + "differences of natural() give %.9g", k.naturalSlope(h), fd)
                    : !(partErr <= TOLERANCE) ? String.format(Locale.ROOT, "logPartition is %.9g but softplus(natural) "
                    + "is %.9g", k.logPartition(h), softplus)
                    : !(meanErr <= TOLERANCE) ? String.format(Locale.ROOT, "mean is %.9g but sigmoid(natural) is %.9g",
                    k.mean(h), sigmoid) : null;
            if (what != null) {
                throw new UserError(String.format(Locale.ROOT, "exact-check: the visible kernel '%s' (%s) is "
                        + "inconsistent at h = %s: %s", k.name(), k.getClass().getName(), h, what));
            }
            worst = Math.max(worst, Math.max(slopeErr, Math.max(partErr, meanErr)));
        }
        return worst;
    }
}
