package org.nelc.analysis.entropy;

import org.nelc.core.chain.EntropyProductionSum;

/**
 * The entropy production rate of Eq. 21,
 * <pre>  σ = Σ_{z'<z} (J_{z'z} − J_{zz'}) ln(J_{z'z} / J_{zz'}),   J_{z'z} = p̄(z') M_{z'z},</pre>
 * in nats per double step; zero iff detailed balance holds, positive otherwise. A pair with a positive
 * flow in one direction and none in the other (a "one-way pair", typical of transition counts) would
 * contribute {@code +∞}: it is skipped and counted, so σ is then a lower bound that leaves out
 * exactly the strongest currents (SPEC §7). The sum itself is {@link EntropyProductionSum}, shared with the
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
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double jab = p[a] * m[a * n + b];
                double jba = p[b] * m[b * n + a];
                double seen = jab > 0 && jba > 0 ? 0 : Math.max(jab, jba);
                if (seen > floor) {
                    bound += (seen - floor) * (StrictMath.log(seen) - StrictMath.log(floor));
                }
            }
        }
        return bound;
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
        return String.format(java.util.Locale.ROOT, "%d one-way pair%s skipped (lower bound): they add at least "
                + "%.3g more (95 %%, reverse flow < 3/T), with no upper bound", r.oneWayPairs(),
                r.oneWayPairs() == 1 ? "" : "s", skippedPairsLowerBound(m, p, n, transitions));
    }

    /** σ alone. */
    public static double sigma(double[] m, double[] p, int n) {
        return of(m, p, n).sigma();
    }
}
