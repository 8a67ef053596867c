package org.nelc.core.chain;

/**
 * The entropy production rate of Eq. 21, accumulated one unordered pair at a time — the one place the
 * formula is written (the counted and Rao-Blackwellized σ of an evaluation, the per-epoch σ of
 * training and the exact σ of small systems all sum through it):
 * <pre>  σ = Σ_{z'<z} (J_{z'z} − J_{zz'}) ln(J_{z'z} / J_{zz'}),   J_{z'z} = p̄(z') M_{z'z},</pre>
 * in nats per double step. A pair with a positive flow in one direction and none in the other (a
 * "one-way pair", typical of transition counts) would contribute {@code +∞}: it is skipped and counted,
 * so σ is then a lower bound that leaves out exactly the strongest currents (SPEC §7).
 */
public final class EntropyProductionSum {
    private double sigma;
    private int oneWayPairs;
    private int twoWayPairs;

    /** Adds the pair {@code {a, b}} with flows {@code jab = J_{ab}} and {@code jba = J_{ba}} (both ≥ 0). */
    public void add(double jab, double jba) {
        if (jab > 0 && jba > 0) {
            // difference of logs: jab / jba overflows when jba is subnormal (found on bits:8 MNIST models)
            sigma += (jab - jba) * (StrictMath.log(jab) - StrictMath.log(jba));
            twoWayPairs++;
        } else if (jab > 0 || jba > 0) {
            oneWayPairs++;
        }
    }

    /** σ over the pairs seen both ways, nats per double step. */
    public double sigma() {
        return sigma;
    }

    /** Unordered pairs with flow in one direction only (skipped). */
    public int oneWayPairs() {
        return oneWayPairs;
    }

    /** Unordered pairs with flow both ways (summed). */
    public int twoWayPairs() {
        return twoWayPairs;
    }
}
