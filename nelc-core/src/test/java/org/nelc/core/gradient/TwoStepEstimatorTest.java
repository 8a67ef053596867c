package org.nelc.core.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.Fixtures;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.model.Model;

/**
 * The grouped, log-space estimator against a literal evaluation of Eqs. 16a–16d (explicit sums over
 * t and the batch, products of probabilities in linear space — fine at D = 5).
 */
class TwoStepEstimatorTest {

    @ParameterizedTest
    @CsvSource({"one-hot,3,sigmoid-ratio,paper", "one-hot,3,sigmoid-ratio,exact", "one-hot,3,softmax,exact",
        "one-hot,3,softmax,paper", "bits,3,factorized,paper", "bits,2,factorized,exact"})
    void matchesBruteForce(String encoding, int units, String norm, String scoreName) {
        int d = 5;
        ScoreFactor score = ScoreFactor.parse(scoreName);
        Dataset data = Fixtures.dataset(12, d, 3, 7);
        Model model = Fixtures.randomModel(d, Fixtures.kernel(encoding, units, norm), 1.5, 11);
        int k = 2;
        int t = 9;
        RestorableUniformRandomProvider[] rngs = {RandomSource.XO_SHI_RO_256_PP.create(1L),
            RandomSource.XO_SHI_RO_256_PP.create(2L)};
        PersistentChain chain = new PersistentChain(new byte[][] {row(data, 0), row(data, 5)}, rngs);
        ChainRecord rec = new ChainRecord(k * t, d, units);
        chain.run(model, t, rec);
        int[] batch = {3, 0, 7, 7, 10};
        double[][] grad = {new double[d * units], new double[d], new double[units * d], new double[units]};
        double ll = new TwoStepEstimator().estimate(model, data, batch, rec, score, grad);

        double[][] expect = {new double[d * units], new double[d], new double[units * d], new double[units]};
        double expectLl = bruteForce(model, data, batch, rec, score, expect);
        assertEquals(expectLl, ll, 1e-12);
        for (int b = 0; b < 4; b++) {
            assertArrayEquals(expect[b], grad[b], 1e-12, "block " + Model.BLOCKS[b]);
        }
    }

    private static byte[] row(Dataset data, int n) {
        byte[] x = new byte[data.dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (byte) data.bit(n, i);
        }
        return x;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** Eqs. 16a–16d written out, with u(t) recomputed from x'(t) (which also checks the recorded logits). */
    static double bruteForce(Model m, Dataset data, int[] batch, ChainRecord rec, ScoreFactor score, double[][] g) {
        int d = m.visibleSize();
        int l = m.units();
        int len = rec.length();
        double[] z = new double[l];
        double ll = 0;
        for (int xb : batch) {
            double[] aT = new double[len];
            double[][] mu = new double[len][d];
            double total = 0;
            for (int t = 0; t < len; t++) {
                m.latent().state(rec.states()[t], z);
                double p = 1;
                for (int i = 0; i < d; i++) {
                    double h = m.a()[i];
                    for (int b = 0; b < l; b++) {
                        h += m.w()[i * l + b] * z[b];
                    }
                    mu[t][i] = sigmoid(h);
                    p *= data.bit(xb, i) == 1 ? mu[t][i] : 1 - mu[t][i];
                }
                aT[t] = p;
                total += p;
            }
            ll += Math.log(total / len);
            for (int t = 0; t < len; t++) {
                double r = aT[t] / total;
                m.latent().state(rec.states()[t], z);
                for (int j = 0; j < d; j++) {
                    double dx = data.bit(xb, j) - mu[t][j];
                    for (int b = 0; b < l; b++) {
                        g[0][j * l + b] += r * z[b] * dx / batch.length;
                    }
                    if (m.latent().trainsVisibleBias()) {
                        g[1][j] += r * dx / batch.length;
                    }
                }
                double[] u = new double[l];
                for (int b = 0; b < l; b++) {
                    u[b] = m.abar()[b];
                    for (int i = 0; i < d; i++) {
                        u[b] += m.wbar()[b * d + i] * (rec.visible()[t * d + i] - m.centering()[i]);
                    }
                    assertEquals(u[b], rec.logits()[t * l + b], 1e-12, "recorded logit");
                }
                double[] s = new double[l];
                m.latent().score(u, 0, rec.states()[t], score, s, 0);
                for (int b = 0; b < l; b++) {
                    for (int j = 0; j < d; j++) {
                        g[2][b * d + j] += r * (rec.visible()[t * d + j] - m.centering()[j]) * s[b] / batch.length;
                    }
                    g[3][b] += r * s[b] / batch.length;
                }
            }
        }
        return ll / batch.length;
    }
}
