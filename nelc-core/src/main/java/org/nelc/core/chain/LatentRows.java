package org.nelc.core.chain;

import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.kernel.LatentKernel;

/**
 * A Rao-Blackwellized estimate of {@code M} from the training chain's own record, at no cost in random
 * draws: {@code x'(t)} was drawn from {@code z(t−1)}, and the record holds the logits {@code u(x'(t))},
 * so {@code Ā(· | x'(t))} is an exact row sample of {@code M_{z(t−1), ·}}. Summing those rows gives
 * {@code J_{z'z} = Σ_{t: z(t−1)=z'} Ā(z | x'(t)) / n} — finite and positive wherever the chain went,
 * unlike transition counts, which see a nearly deterministic cycle in one direction only and so skip
 * exactly its currents. σ (Eq. 21, {@link EntropyProductionSum}) from these {@code J}; used for the per-epoch σ of {@code history.csv}.
 * Only for up to {@value #MAX_STATES} latent states (one {@code logProbs} per double step).
 */
public final class LatentRows {
    public static final int MAX_STATES = 64;

    private final LatentKernel latent;
    private final int states;
    private final double[] sums;
    private final double[] logProbs;
    private long rows;

    public LatentRows(LatentKernel latent) {
        if (!supports(latent)) {
            throw new IllegalArgumentException(latent.states() + " states > " + MAX_STATES);
        }
        this.latent = latent;
        this.states = latent.states();
        this.sums = new double[states * states];
        this.logProbs = new double[states];
    }

    public static boolean supports(LatentKernel latent) {
        return latent.states() <= MAX_STATES;
    }

    public void clear() {
        java.util.Arrays.fill(sums, 0);
        rows = 0;
    }

    /**
     * Adds the rows of entries {@code off … off+n−1} of {@code record} (one chain's contiguous segment);
     * {@code previous} is the state before entry {@code off} in the same chain, or −1 when unknown.
     */
    public void add(ChainRecord record, int off, int n, int previous) {
        int l = record.units();
        int[] st = record.states();
        double[] logits = record.logits();
        int from = previous;
        for (int e = off; e < off + n; e++) {
            if (from >= 0) {
                latent.logProbs(logits, e * l, logProbs);
                int row = from * states;
                for (int z = 0; z < states; z++) {
                    sums[row + z] += StrictMath.exp(logProbs[z]);
                }
                rows++;
            }
            from = st[e];
        }
    }

    /** σ in nats per double step; 0 before any row. Pairs with an exactly zero flow in one direction are skipped. */
    public double entropyProduction() {
        if (rows == 0) {
            return 0;
        }
        EntropyProductionSum sum = new EntropyProductionSum();
        double inv = 1.0 / rows;
        for (int a = 0; a < states; a++) {
            for (int b = a + 1; b < states; b++) {
                sum.add(sums[a * states + b] * inv, sums[b * states + a] * inv);
            }
        }
        return sum.sigma();
    }
}
