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

    /** σ alone. */
    public static double sigma(double[] m, double[] p, int n) {
        return of(m, p, n).sigma();
    }
}
