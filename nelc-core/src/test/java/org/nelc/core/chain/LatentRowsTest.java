package org.nelc.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.core.Fixtures;
import org.nelc.core.kernel.BernoulliKernel;
import org.nelc.core.model.Model;

class LatentRowsTest {
    private static double sigmaOf(Model m, int steps) {
        PersistentChain chain = new PersistentChain(new byte[][] {new byte[m.visibleSize()]},
                new RestorableUniformRandomProvider[] {RandomSource.XO_SHI_RO_256_PP.create(3L)});
        ChainRecord rec = new ChainRecord(steps, m.visibleSize(), m.units());
        chain.run(m, steps, rec);
        LatentRows rows = new LatentRows(m.latent());
        rows.add(rec, 0, steps, -1);
        return rows.entropyProduction();
    }

    /**
     * Tied weights with softmax and no centering are an RBM: M is reversible and σ = 0 exactly, so the
     * estimate is pure noise; with 50 000 rows its J entries carry relative errors ~1e-2 and σ, quadratic
     * in them, stays below 1e-3. The same parameters untied (random w̄) give σ well above that.
     */
    @Test
    void reversibleModelGivesNearZeroAndIrreversibleClearlyPositive() {
        Model m = Fixtures.randomModel(8, Fixtures.kernel("one-hot", 3, "softmax"), 1.5, 5);
        Model tied = new Model(8, m.latent(), new BernoulliKernel(), new double[8]);
        System.arraycopy(m.w(), 0, tied.w(), 0, m.w().length);
        tied.tieLatentToVisible();
        double reversible = sigmaOf(tied, 50_000);
        double irreversible = sigmaOf(m, 50_000);
        assertTrue(reversible < 1e-3, "tied: " + reversible);
        assertTrue(irreversible > 20 * Math.max(reversible, 1e-4), "untied " + irreversible + " vs tied " + reversible);
    }

    @Test
    void rowsFollowTheirPredecessorAcrossSegments() {
        Model m = Fixtures.randomModel(6, Fixtures.kernel("one-hot", 2, "sigmoid-ratio"), 1.0, 2);
        PersistentChain chain = new PersistentChain(new byte[][] {new byte[6]},
                new RestorableUniformRandomProvider[] {RandomSource.XO_SHI_RO_256_PP.create(1L)});
        ChainRecord rec = new ChainRecord(10, 6, 2);
        chain.run(m, 10, rec);
        LatentRows split = new LatentRows(m.latent());
        split.add(rec, 0, 4, -1);
        split.add(rec, 4, 6, rec.states()[3]);
        LatentRows whole = new LatentRows(m.latent());
        whole.add(rec, 0, 10, -1);
        assertEquals(whole.entropyProduction(), split.entropyProduction(), 0.0);
    }
}
