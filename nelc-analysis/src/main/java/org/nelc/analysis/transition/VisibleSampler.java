package org.nelc.analysis.transition;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws {@code x ~ A(z)} (Eq. 10) for one latent state: pixel {@code i} is 1 when a 32-bit uniform is
 * below {@code ⌊2^32 · mean(h_i)⌋}, two pixels per 64-bit draw (as the persistent chain does). Writes
 * the 1-bits of the sample, ascending, and returns their number.
 */
public final class VisibleSampler {
    private static final double TWO32 = 4294967296.0;
    private final long[] thresholds;

    /** @param h the visible field of the state (Eq. 10), length D */
    public VisibleSampler(double[] h, org.nelc.api.kernel.VisibleKernel kernel) {
        thresholds = new long[h.length];
        for (int i = 0; i < h.length; i++) {
            thresholds[i] = (long) (kernel.mean(h[i]) * TWO32);
        }
    }

    /** One sample: its 1-bits into {@code active}, their count returned. */
    public int sample(UniformRandomProvider rng, int[] active) {
        long[] thr = thresholds;
        int d = thr.length;
        int n = 0;
        int i = 0;
        for (; i + 1 < d; i += 2) {
            long r = rng.nextLong();
            if ((r & 0xFFFFFFFFL) < thr[i]) {
                active[n++] = i;
            }
            if ((r >>> 32) < thr[i + 1]) {
                active[n++] = i + 1;
            }
        }
        if (i < d && (rng.nextLong() & 0xFFFFFFFFL) < thr[i]) {
            active[n++] = i;
        }
        return n;
    }
}
