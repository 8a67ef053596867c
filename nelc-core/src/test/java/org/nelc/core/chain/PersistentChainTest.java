package org.nelc.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.core.Fixtures;
import org.nelc.core.model.Model;

class PersistentChainTest {

    /**
     * Pixel marginals given z and latent frequencies given x' against their kernels. With 200 000
     * draws a frequency p has standard error ≤ sqrt(0.25 / 200 000) ≈ 0.0011; we allow 0.006 (> 5 s.e.).
     */
    @Test
    void samplesFollowTheKernels() {
        int d = 6;
        Model m = Fixtures.randomModel(d, Fixtures.kernel("one-hot", 3, "sigmoid-ratio"), 1.0, 2);
        RestorableUniformRandomProvider[] rng = {RandomSource.XO_SHI_RO_256_PP.create(5L)};
        PersistentChain chain = new PersistentChain(new byte[][] {new byte[d]}, rng);
        int steps = 200_000;
        ChainRecord rec = new ChainRecord(steps, d, 3);
        chain.run(m, steps, rec);
        // x'(t+1) given z(t): pixel frequencies against sigmoid(w[:, z])
        double[][] ones = new double[3][d];
        double[] visits = new double[3];
        double[] zFreq = new double[3];
        double[] zExpect = new double[3];
        double[] lp = new double[3];
        for (int t = 0; t + 1 < steps; t++) {
            int z = rec.states()[t];
            visits[z]++;
            for (int i = 0; i < d; i++) {
                ones[z][i] += rec.visible()[(t + 1) * d + i];
            }
            zFreq[z]++;
            m.latent().logProbs(rec.logits(), t * 3, lp);
            for (int s = 0; s < 3; s++) {
                zExpect[s] += Math.exp(lp[s]);
            }
        }
        for (int z = 0; z < 3; z++) {
            assertTrue(visits[z] > 10_000, "state " + z + " visited");
            for (int i = 0; i < d; i++) {
                double p = 1 / (1 + Math.exp(-m.w()[i * 3 + z]));
                assertEquals(p, ones[z][i] / visits[z], 0.012, "pixel " + i + " | z=" + z);
            }
            assertEquals(zExpect[z] / (steps - 1), zFreq[z] / (steps - 1), 0.006, "latent state " + z);
        }
    }

    @Test
    void chainsAreIndependentOfEachOthersPresence() {
        int d = 8;
        Model m = Fixtures.randomModel(d, Fixtures.kernel("bits", 2, null), 1.0, 3);
        PersistentChain two = new PersistentChain(new byte[][] {new byte[d], new byte[d]},
                new RestorableUniformRandomProvider[] {RandomSource.XO_SHI_RO_256_PP.create(1L),
                    RandomSource.XO_SHI_RO_256_PP.create(2L)});
        PersistentChain one = new PersistentChain(new byte[][] {new byte[d]},
                new RestorableUniformRandomProvider[] {RandomSource.XO_SHI_RO_256_PP.create(2L)});
        ChainRecord r2 = new ChainRecord(20, d, 2);
        ChainRecord r1 = new ChainRecord(10, d, 2);
        two.run(m, 10, r2);
        one.run(m, 10, r1);
        for (int t = 0; t < 10; t++) {
            assertEquals(r1.states()[t], r2.states()[10 + t]);
        }
        assertEquals(java.util.Arrays.toString(one.state(0)), java.util.Arrays.toString(two.state(1)));
    }
}
