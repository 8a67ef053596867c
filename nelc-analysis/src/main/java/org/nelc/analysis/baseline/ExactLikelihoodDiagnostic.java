package org.nelc.analysis.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.nelc.analysis.exact.ExactSystem;
import org.nelc.api.data.Dataset;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.api.model.ModelView;
import org.nelc.core.likelihood.LogLikelihood;

/**
 * {@code exact-likelihood}: the model's exact log-likelihood (Eq. 7) wherever it has one, and a check of
 * whether the evaluation chain mixes. The precise LL of docs/model.md §6 weighs the states by the chain's
 * occupancy, so it is the model's likelihood only if the chain visits its states in their stationary
 * proportions; this diagnostic says whether it does.
 *
 * <p><b>Exact LL.</b> An equilibrium RBM ({@link RbmLikelihood#whyNotRbm} is null) by its closed-form
 * partition function, when {@code states·D ≤} {@value #MAX_CLOSED_FORM_WORK} (bits:16 at D = 784, ~2 s);
 * otherwise any model with {@code D ≤} {@value ExactSystem#MAX_VISIBLE} by enumerating its {@code 2^D}
 * visible states ({@link ExactSystem}: the stationary law of the chain itself, Eq. 5). Neither applies
 * (the paper's NEQ model at D = 784): the result is not available and says why. Measurements:
 * {@value #LOG_LIKELIHOOD} (nats/image, the mean over the data rows, computed exactly: standard error 0),
 * {@value #DATA_SPREAD} (the rows' spread / √rows, as the precise LL reports it) and
 * {@value #OCCUPANCY_DISTANCE} (below). Details: {@code method}, {@code rows}, {@code latentMarginal} (the exact {@code p̄}) and the
 * mixing check's keys.
 *
 * <p><b>Mixing check.</b> The trajectory's occupancy against the exact {@code p̄}: per state, the
 * difference over its batch-means standard error ({@value #BATCHES} equal consecutive batches; floored at
 * the i.i.d. binomial error {@code √(p̄(1−p̄)/T)}, so a chain that never moves, whose batches all agree,
 * is not credited with zero error). If the chain mixes, each ratio is about Student-t with
 * {@code BATCHES − 1} degrees of freedom; the check fails when the largest |ratio| exceeds the t quantile
 * at a family-wise two-sided level of {@value #FAMILY_LEVEL} over the states (Bonferroni), so a mixing chain
 * is called non-mixing at most 0.1 % of the time (batches much longer than the decorrelation time assumed).
 * Details: {@code mixes} (null when not checked), {@code verdict}, {@code occupancyDistance} (total
 * variation, ½ Σ |occupancy − p̄|), {@code largestZ}, {@code threshold}. Chains shorter than
 * {@value #MIN_CHAIN} steps are not checked.
 */
public final class ExactLikelihoodDiagnostic implements Diagnostic {
    public static final String NAME = "exact-likelihood";
    /** Most {@code states × D} summed over by the closed form. */
    public static final long MAX_CLOSED_FORM_WORK = (1L << 16) * 1024;
    /** Batches of the trajectory for the occupancy's standard error. */
    public static final int BATCHES = 20;
    /** Family-wise false-alarm level of the mixing check. */
    public static final double FAMILY_LEVEL = 1e-3;
    /** Shortest trajectory checked for mixing. */
    public static final int MIN_CHAIN = 1000;
    /** Measurement keys. */
    public static final String LOG_LIKELIHOOD = "log-likelihood";
    public static final String OCCUPANCY_DISTANCE = "mixing.occupancy-distance";
    public static final String DATA_SPREAD = "data-se";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "exact log-likelihood where the model has one (RBM: closed-form partition function; small D: "
                + "enumeration), with a check that the evaluation chain's occupancy matches the exact latent marginal";
    }

    /** The exact log-likelihood of a model, or why there is none. */
    public record Exact(double[] perPoint, double[] latentMarginal, String method, String unavailable) {
        public boolean available() {
            return unavailable == null;
        }
    }

    /** The exact per-row {@code log p(x)} and {@code p̄} of {@code model} on {@code data}, or the reason there are none. */
    public static Exact exact(ModelView model, Dataset data) {
        int d = model.visibleSize();
        int states = model.latent().states();
        String notRbm = RbmLikelihood.whyNotRbm(model);
        if (notRbm == null && (long) states * d <= MAX_CLOSED_FORM_WORK) {
            double[] logMarginal = new double[states];
            double logZ = RbmLikelihood.logPartition(model, logMarginal);
            double[] pbar = new double[states];
            for (int s = 0; s < states; s++) {
                pbar[s] = StrictMath.exp(logMarginal[s] - logZ);
            }
            return new Exact(RbmLikelihood.perPoint(model, data, logZ), pbar,
                    "closed-form RBM partition function over " + states + " latent states", null);
        }
        if (d <= ExactSystem.MAX_VISIBLE && (long) states << d <= ExactSystem.MAX_TABLE) {
            ExactSystem sys = ExactSystem.of(model);
            double[] perPoint = new double[data.size()];
            for (int n = 0; n < perPoint.length; n++) {
                perPoint[n] = sys.logProbability(ExactSystem.index(data, n));
            }
            return new Exact(perPoint, sys.latentStationary(), "enumeration of the 2^" + d
                    + " visible states (stationary law of the chain)", null);
        }
        String rbm = notRbm == null
                ? String.format(Locale.ROOT, "an RBM but %d latent states x D = %d is more than the %d the closed form "
                        + "sums here", states, d, MAX_CLOSED_FORM_WORK)
                : "not an equilibrium RBM (" + notRbm + ")";
        String enumeration = d > ExactSystem.MAX_VISIBLE
                ? "D = " + d + " is too many visible units to enumerate (D <= " + ExactSystem.MAX_VISIBLE + ")"
                : states + " latent states x 2^" + d + " is more than the " + ExactSystem.MAX_TABLE
                        + " entries enumerated";
        return new Exact(null, null, null, "the model is " + rbm + " and " + enumeration);
    }

    @Override
    public DiagnosticResult compute(DiagnosticContext context) {
        Exact exact = exact(context.model(), context.data());
        if (!exact.available()) {
            return DiagnosticResult.notAvailable(NAME, exact.unavailable());
        }
        LogLikelihood.Summary s = LogLikelihood.summarize(exact.perPoint());
        Mixing mixing = mixing(context.trajectory(), exact.latentMarginal());
        List<Measurement> measurements = List.of(
                // computed exactly: no Monte-Carlo error; the rows' spread is its own measurement, as for the
                // precise LL
                Measurement.builder().key(LOG_LIKELIHOOD).description("log-likelihood (exact)").value(s.mean())
                        .standardError(0.0).unit("nats/image").method("exact: " + exact.method()).build(),
                Measurement.builder().key(DATA_SPREAD).description("s.e. of the exact LL over the data rows")
                        .value(s.standardError()).standardError(0.0).unit("nats/image")
                        .method("the rows' spread / sqrt(rows)").build(),
                Measurement.builder().key(OCCUPANCY_DISTANCE)
                        .description("mixing check: chain occupancy vs exact p̄ (total variation)")
                        .value(mixing.occupancyDistance()).standardError(Double.NaN)
                        .method("½ Σ|occupancy − p̄|; judged by the largest batch-means z of the states (" + BATCHES
                                + " batches), not by its own error")
                        .note(mixing.checked() && !mixing.mixes() ? mixing.verdict() : "").build());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", exact.method());
        details.put("rows", s.points());
        details.put("latentMarginal", exact.latentMarginal());
        details.putAll(mixing.values());
        return DiagnosticResult.of(NAME, measurements, details);
    }

    /** The outcome of the mixing check. */
    public record Mixing(boolean checked, boolean mixes, double occupancyDistance, double largestZ, double threshold,
            String verdict) {
        Map<String, Object> values() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("mixes", checked ? mixes : null);
            v.put("verdict", verdict);
            v.put("occupancyDistance", occupancyDistance);
            v.put("largestZ", largestZ);
            v.put("threshold", threshold);
            return v;
        }
    }

    /** Whether {@code trajectory}'s occupancy is consistent with the exact {@code pbar} (see the class comment). */
    public static Mixing mixing(int[] trajectory, double[] pbar) {
        int states = pbar.length;
        int t = trajectory.length;
        double[] occupancy = new double[states];
        for (int z : trajectory) {
            occupancy[z]++;
        }
        double tv = 0;
        for (int z = 0; z < states; z++) {
            occupancy[z] /= t;
            tv += Math.abs(occupancy[z] - pbar[z]);
        }
        tv /= 2;
        if (t < MIN_CHAIN) {
            return new Mixing(false, false, tv, Double.NaN, Double.NaN, String.format(Locale.ROOT,
                    "not checked: a chain of %d steps is shorter than %d (occupancy distance %.3g)", t, MIN_CHAIN, tv));
        }
        int batch = t / BATCHES;
        double[] sumSq = new double[states];
        double[] inBatch = new double[states];
        for (int b = 0; b < BATCHES; b++) {
            java.util.Arrays.fill(inBatch, 0);
            for (int k = b * batch; k < (b + 1) * batch; k++) {
                inBatch[trajectory[k]]++;
            }
            for (int z = 0; z < states; z++) {
                double dev = inBatch[z] / batch - occupancy[z];
                sumSq[z] += dev * dev;
            }
        }
        double largest = 0;
        for (int z = 0; z < states; z++) {
            double batchSe = Math.sqrt(sumSq[z] / (BATCHES * (BATCHES - 1.0)));
            double binomialSe = Math.sqrt(pbar[z] * (1 - pbar[z]) / t);
            double se = Math.max(batchSe, binomialSe);
            double diff = Math.abs(occupancy[z] - pbar[z]);
            double zScore = se > 0 ? diff / se : diff > 0 ? Double.POSITIVE_INFINITY : 0;
            largest = Math.max(largest, zScore);
        }
        double threshold = new TDistribution(null, BATCHES - 1)
                .inverseCumulativeProbability(1 - FAMILY_LEVEL / (2.0 * states));
        boolean mixes = largest <= threshold;
        String verdict = mixes
                ? String.format(Locale.ROOT, "mixes: the chain's occupancy matches the exact latent marginal within its "
                        + "batch-means error (distance %.3g, largest |z| %.2f <= %.2f)", tv, largest, threshold)
                : String.format(Locale.ROOT, "does not mix: the chain's occupancy is far from the exact latent marginal "
                        + "(distance %.3g, largest |z| %.3g > %.2f), so its LL estimate is not this model's likelihood",
                        tv, largest, threshold);
        return new Mixing(true, mixes, tv, largest, threshold, verdict);
    }
}
