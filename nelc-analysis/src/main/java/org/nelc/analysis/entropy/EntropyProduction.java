package org.nelc.analysis.entropy;

import java.util.Locale;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.core.chain.EntropyProductionSum;

/**
 * The entropy production rate of Eq. 21,
 * <pre>  σ = Σ_{z'<z} (J_{z'z} − J_{zz'}) ln(J_{z'z} / J_{zz'}),   J_{z'z} = p̄(z') M_{z'z},</pre>
 * in nats per double step; zero iff detailed balance holds, positive otherwise. A pair with a positive
 * flow in one direction and none in the other (a "one-way pair", typical of transition counts) would
 * contribute {@code +∞}: it is skipped and counted, so σ is then a lower bound that leaves out
 * exactly the strongest currents (docs/model.md §7). The sum itself is {@link EntropyProductionSum}, shared with the
 * count-based and per-epoch σ of nelc-core.
 */
public final class EntropyProduction {
    private EntropyProduction() {
    }

    /**
     * @param sigma σ over the pairs seen both ways (nats per double step)
     * @param oneWayPairs unordered pairs with flow in one direction only (skipped)
     * @param twoWayPairs unordered pairs with flow both ways (summed)
     */
    public record Result(double sigma, int oneWayPairs, int twoWayPairs) {
    }

    /** σ of {@code m} ({@code n × n}, row-major) weighted by {@code p} (Eq. 21). */
    public static Result of(double[] m, double[] p, int n) {
        EntropyProductionSum sum = new EntropyProductionSum();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                sum.add(p[a] * m[a * n + b], p[b] * m[b * n + a]);
            }
        }
        return new Result(sum.sigma(), sum.oneWayPairs(), sum.twoWayPairs());
    }

    /**
     * What the one-way pairs skipped by {@link #of} add at least, for {@code J} estimated from
     * {@code transitions} counted transitions: a pair seen {@code z'→z} but never {@code z→z'} has
     * {@code J_{zz'} < 3/T} at 95 % confidence (no event in {@code T} draws, the "rule of three"; the
     * transitions are not independent, so this is a bound for rare transitions, whose occurrences are
     * nearly Poisson), and its term {@code (J_{z'z} − J_{zz'}) ln(J_{z'z}/J_{zz'})} decreases with
     * {@code J_{zz'}}; so the term is at least its value at {@code 3/T} (0 when {@code J_{z'z} ≤ 3/T}).
     * There is no finite upper bound: the reverse flow may be arbitrarily small. Nats per double step.
     */
    public static double skippedPairsLowerBound(double[] m, double[] p, int n, long transitions) {
        double floor = 3.0 / transitions;
        double bound = 0;
        for (double seen : oneWayFlows(m, p, n)) {
            if (seen > floor) {
                bound += (seen - floor) * (StrictMath.log(seen) - StrictMath.log(floor));
            }
        }
        return bound;
    }

    /** The flow {@code J} of each one-way pair in the direction it was seen, pairs in {@link #of}'s order. */
    private static double[] oneWayFlows(double[] m, double[] p, int n) {
        double[] flows = new double[n * (n - 1) / 2];
        int k = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double jab = p[a] * m[a * n + b];
                double jba = p[b] * m[b * n + a];
                if (!(jab > 0 && jba > 0) && Math.max(jab, jba) > 0) {
                    flows[k++] = Math.max(jab, jba);
                }
            }
        }
        return java.util.Arrays.copyOf(flows, k);
    }

    /**
     * The caveat for σ of a counted M with one-way pairs (empty when there are none): how many were
     * skipped and what they add at least ({@link #skippedPairsLowerBound}).
     */
    public static String oneWayNote(double[] m, double[] p, int n, long transitions) {
        Result r = of(m, p, n);
        if (r.oneWayPairs() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%d one-way pair%s skipped (lower bound): they add at least "
                + "%.3g more (95 %%, reverse flow < 3/T), with no upper bound", r.oneWayPairs(),
                r.oneWayPairs() == 1 ? "" : "s", skippedPairsLowerBound(m, p, n, transitions));
    }

    /**
     * How far σ of a counted M may move between runs of {@code transitions} steps through the pairs it
     * skipped, as a standard deviation: a one-way pair's reverse flow {@code J_{zz'}} is unresolved (below
     * about {@code 3/T}), so another run of the same length may see its reverse transition once — and then
     * the pair adds {@code (J_{z'z} − 1/T) ln(J_{z'z} T)} — or not, and add nothing. A seen/not-seen
     * outcome has a standard deviation of at most half that term (probability 1/2); the pairs are summed in
     * quadrature. This is what the batch jackknife cannot see: it resamples only transitions that occurred.
     * Nats per double step; 0 without one-way pairs.
     */
    public static double skippedPairsSpread(double[] m, double[] p, int n, long transitions) {
        double once = 1.0 / transitions;
        double ss = 0;
        for (double seen : oneWayFlows(m, p, n)) {
            if (seen > once) {
                double half = 0.5 * (seen - once) * (StrictMath.log(seen) - StrictMath.log(once));
                ss += half * half;
            }
        }
        return Math.sqrt(ss);
    }

    /**
     * σ of a counted M as it should be reported when pairs were skipped: the standard error widened by
     * {@link #skippedPairsSpread} (in quadrature with the jackknife's), the note saying it is a lower bound,
     * what the skipped pairs add at least ({@link #oneWayNote}) and how much of the error is theirs.
     * Unchanged without one-way pairs. The value is never changed.
     *
     * @param sigma σ with its jackknife standard error, from {@code DiagnosticContext.measure}
     * @param transitions transitions counted ({@code TransitionEstimate.samples()})
     */
    public static Measurement withSkippedPairs(Measurement sigma, double[] m, double[] p, int n, long transitions) {
        String note = oneWayNote(m, p, n, transitions);
        if (note.isEmpty()) {
            return sigma;
        }
        double spread = skippedPairsSpread(m, p, n, transitions);
        double se = sigma.standardError();
        double widened = Math.sqrt(se * se + spread * spread);
        String split = String.format(Locale.ROOT, "; s.e. %.3g = jackknife %.3g and %.3g for whether their reverse "
                + "transitions are seen, in quadrature", widened, se, spread);
        return sigma.toBuilder().standardError(widened).method(sigma.method() + "; widened for the skipped one-way "
                + "pairs").note((sigma.note().isEmpty() ? "" : sigma.note() + "; ") + note + split).build();
    }

    /** σ alone. */
    public static double sigma(double[] m, double[] p, int n) {
        return of(m, p, n).sigma();
    }
}
