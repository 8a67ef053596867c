package org.nelc.core.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.model.ModelView;
import org.nelc.core.Fixtures;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.kernel.BernoulliKernel;
import org.nelc.core.model.Model;

/**
 * The RBM gradient against its definition written out in linear space: {@code E[z|x]} by summing
 * {@code Ā(s|u) z(s)} over every latent state, the data term over the batch and the model term over
 * the chain's recorded visible states. Tolerance 1e-12: the two differ only in summation order.
 */
class RbmPcdEstimatorTest {

    /** A tied model without centering ({@code w̄ = wᵀ}, c = 0): an RBM. */
    static Model rbm(int d, String encoding, int units, String norm, long seed) {
        Model random = Fixtures.randomModel(d, Fixtures.kernel(encoding, units, norm), 1.5, seed);
        Model m = new Model(d, random.latent(), new BernoulliKernel(), new double[d]);
        for (int k = 0; k < 4; k++) {
            System.arraycopy(random.blocks()[k], 0, m.blocks()[k], 0, m.blocks()[k].length);
        }
        m.tieLatentToVisible();
        return m;
    }

    private static ChainRecord record(Model model, Dataset data, int k, int t) {
        RestorableUniformRandomProvider[] rngs = new RestorableUniformRandomProvider[k];
        byte[][] x0 = new byte[k][];
        for (int c = 0; c < k; c++) {
            rngs[c] = RandomSource.XO_SHI_RO_256_PP.create(c + 1L);
            x0[c] = Arrays.copyOfRange(data.bitsView(), c * 3 * data.dimension(), (c * 3 + 1) * data.dimension());
        }
        ChainRecord rec = new ChainRecord(k * t, data.dimension(), model.units());
        new PersistentChain(x0, rngs).run(model, t, rec);
        return rec;
    }

    @ParameterizedTest
    @CsvSource({"one-hot,3,softmax", "bits,3,factorized", "bits,1,factorized"})
    void matchesTheDefinition(String encoding, int units, String norm) {
        int d = 5;
        Dataset data = Fixtures.dataset(12, d, 3, 7);
        Model model = rbm(d, encoding, units, norm, 11);
        ChainRecord rec = record(model, data, 2, 9);
        int[] batch = {3, 0, 7, 7, 10};
        double[][] grad = {new double[d * units], new double[d], new double[units * d], new double[units]};
        double ll = new RbmPcdEstimator().estimate(model, data, batch, rec, ScoreFactor.PAPER, grad);

        double[][] expect = {new double[d * units], new double[d], new double[units * d], new double[units]};
        bruteForce(model, data, batch, rec, expect);
        for (int b = 0; b < 4; b++) {
            assertArrayEquals(expect[b], grad[b], 1e-12, "block " + ModelView.BLOCKS[b]);
        }
        double[][] twoStep = {new double[d * units], new double[d], new double[units * d], new double[units]};
        double llTwoStep = new TwoStepEstimator().estimate(model, data, batch, rec, ScoreFactor.EXACT, twoStep);
        assertEquals(llTwoStep, ll, 1e-12, "the on-the-fly log-likelihood is docs/model.md §6's, as for two-step");
    }

    /**
     * rbm-exact: the same data term, and the model term {@code Σ_{x,z} p(x,z) (x zᵀ, x, z)} by brute-force
     * enumeration of all 2^5 visible states and every latent state (linear space; tolerance 1e-12).
     */
    @ParameterizedTest
    @CsvSource({"one-hot,3,softmax", "bits,3,factorized"})
    void exactModelTermMatchesEnumerationOfAllStates(String encoding, int units, String norm) {
        int d = 5;
        Dataset data = Fixtures.dataset(12, d, 3, 7);
        Model model = rbm(d, encoding, units, norm, 13);
        ChainRecord rec = record(model, data, 1, 6);
        int[] batch = {1, 2, 9};
        double[][] grad = {new double[d * units], new double[d], new double[units * d], new double[units]};
        new RbmExactEstimator().estimate(model, data, batch, rec, ScoreFactor.PAPER, grad);

        double[][] expect = {new double[d * units], new double[d], new double[units * d], new double[units]};
        double[] x = new double[d];
        for (int xb : batch) {
            data.copyRow(xb, x);
            addTerm(model, x, 1.0 / batch.length, expect);
        }
        int l = units;
        double[] z = new double[l];
        double total = 0;
        double[][] joint = new double[1 << d][model.latent().states()];
        for (int xs = 0; xs < 1 << d; xs++) {
            for (int s = 0; s < model.latent().states(); s++) {
                model.latent().state(s, z);
                double e = 0;
                for (int i = 0; i < d; i++) {
                    double xi = (xs >>> i) & 1;
                    e += xi * model.a()[i];
                    for (int b = 0; b < l; b++) {
                        e += xi * model.w()[i * l + b] * z[b];
                    }
                }
                for (int b = 0; b < l; b++) {
                    e += model.abar()[b] * z[b];
                }
                joint[xs][s] = Math.exp(e);
                total += joint[xs][s];
            }
        }
        for (int xs = 0; xs < 1 << d; xs++) {
            for (int s = 0; s < model.latent().states(); s++) {
                double p = joint[xs][s] / total;
                model.latent().state(s, z);
                for (int i = 0; i < d; i++) {
                    double xi = (xs >>> i) & 1;
                    for (int b = 0; b < l; b++) {
                        expect[0][i * l + b] -= p * xi * z[b];
                        expect[2][b * d + i] -= p * xi * z[b];
                    }
                    expect[1][i] -= p * xi;
                }
                for (int b = 0; b < l; b++) {
                    expect[3][b] -= p * z[b];
                }
            }
        }
        if (!model.latent().trainsVisibleBias()) {
            Arrays.fill(expect[1], 0);
        }
        for (int b = 0; b < 4; b++) {
            assertArrayEquals(expect[b], grad[b], 1e-12, "block " + ModelView.BLOCKS[b]);
        }
    }

    @Test
    void tiedBlocksGetBitIdenticalGradients() {
        int d = 7;
        Dataset data = Fixtures.dataset(20, d, 2, 3);
        Model model = rbm(d, "bits", 4, null, 5);
        ChainRecord rec = record(model, data, 1, 15);
        double[][] grad = {new double[d * 4], new double[d], new double[4 * d], new double[4]};
        new RbmPcdEstimator().estimate(model, data, new int[] {1, 2, 3, 4, 5, 6}, rec, ScoreFactor.PAPER, grad);
        for (int i = 0; i < d; i++) {
            for (int b = 0; b < 4; b++) {
                assertEquals(Double.doubleToLongBits(grad[0][i * 4 + b]), Double.doubleToLongBits(grad[2][b * d + i]));
            }
        }
    }

    @Test
    void refusesUntiedOrCenteredModels() {
        int d = 5;
        Dataset data = Fixtures.dataset(12, d, 3, 7);
        Model untied = rbm(d, "one-hot", 3, "softmax", 11);
        untied.wbar()[4] += 1e-9;
        ChainRecord rec = record(untied, data, 1, 5);
        double[][] grad = {new double[d * 3], new double[d], new double[3 * d], new double[3]};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RbmPcdEstimator().estimate(untied, data, new int[] {0}, rec, ScoreFactor.PAPER, grad));
        assertTrue(e.getMessage().contains("tied"), e.getMessage());
        Model centered = Fixtures.randomModel(d, Fixtures.kernel("one-hot", 3, "softmax"), 1.0, 2);
        centered.tieLatentToVisible();
        e = assertThrows(IllegalArgumentException.class,
                () -> new RbmPcdEstimator().estimate(centered, data, new int[] {0}, rec, ScoreFactor.PAPER, grad));
        assertTrue(e.getMessage().contains("centering"), e.getMessage());
    }

    /** Data term minus model term with E[z|x] = Σ_s Ā(s|u) z(s), u recomputed as wᵀx + ā. */
    static void bruteForce(Model m, Dataset data, int[] batch, ChainRecord rec, double[][] g) {
        int d = m.visibleSize();
        int l = m.units();
        int len = rec.length();
        double[] x = new double[d];
        for (int xb : batch) {
            data.copyRow(xb, x);
            addTerm(m, x, 1.0 / batch.length, g);
        }
        for (int t = 0; t < len; t++) {
            for (int i = 0; i < d; i++) {
                x[i] = rec.visible()[t * d + i];
            }
            addTerm(m, x, -1.0 / len, g);
        }
        if (!m.latent().trainsVisibleBias()) {
            Arrays.fill(g[1], 0);
        }
    }

    private static void addTerm(Model m, double[] x, double weight, double[][] g) {
        int d = m.visibleSize();
        int l = m.units();
        double[] u = new double[l];
        for (int b = 0; b < l; b++) {
            u[b] = m.abar()[b];
            for (int i = 0; i < d; i++) {
                u[b] += m.w()[i * l + b] * x[i];
            }
        }
        int states = m.latent().states();
        double[] ez = new double[l];
        double[] z = new double[l];
        for (int s = 0; s < states; s++) {
            double p = Math.exp(m.latent().logProb(u, 0, s));
            m.latent().state(s, z);
            for (int b = 0; b < l; b++) {
                ez[b] += p * z[b];
            }
        }
        for (int i = 0; i < d; i++) {
            for (int b = 0; b < l; b++) {
                g[0][i * l + b] += weight * x[i] * ez[b];
                g[2][b * d + i] += weight * x[i] * ez[b];
            }
            g[1][i] += weight * x[i];
        }
        for (int b = 0; b < l; b++) {
            g[3][b] += weight * ez[b];
        }
    }
}
