package org.nelc.analysis.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.core.kernel.BernoulliKernel;
import org.nelc.core.math.LogMath;

class VisibleSamplerTest {
    @Test
    void pixelFrequenciesAreTheSigmoids() {
        double[] h = {-3, -1, 0, 0.5, 2, 4, -0.2};
        VisibleSampler s = new VisibleSampler(h, new BernoulliKernel());
        var rng = TestModels.rng(3);
        int n = 200_000;
        int[] ones = new int[h.length];
        int[] active = new int[h.length];
        for (int k = 0; k < n; k++) {
            int a = s.sample(rng, active);
            for (int j = 0; j < a; j++) {
                ones[active[j]]++;
            }
        }
        for (int i = 0; i < h.length; i++) {
            double p = LogMath.sigmoid(h[i]);
            // binomial: 5 standard deviations of a frequency over 2e5 draws
            assertEquals(p, ones[i] / (double) n, 5 * Math.sqrt(p * (1 - p) / n), "pixel " + i);
        }
    }
}
