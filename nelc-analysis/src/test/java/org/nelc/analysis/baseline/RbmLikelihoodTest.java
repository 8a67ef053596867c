package org.nelc.analysis.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.analysis.TestModels;
import org.nelc.analysis.exact.ExactSystem;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.core.kernel.BernoulliKernel;
import org.nelc.core.likelihood.LogLikelihood;
import org.nelc.core.model.Model;

/**
 * The closed-form RBM likelihood against brute-force enumeration of every (x, z) of
 * {@code p(x,z) ∝ exp(xᵀwz + aᵀx + āᵀz)}, and against the stationary law of the chain itself
 * ({@link ExactSystem}). Tolerances: the enumeration sums at most 2^6 · 8 terms of size e^{±20}, so
 * the two differ by rounding only (1e-10 leaves four orders of margin).
 */
class RbmLikelihoodTest {

    /** A random RBM: tied weights, no centering, random biases ({@code a = 0} for one-hot). */
    static Model randomRbm(int d, String encoding, int units, String norm, double scale, long seed) {
        Model r = TestModels.randomModel(d, TestModels.kernel(encoding, units, norm), scale, seed);
        Model m = new Model(d, r.latent(), new BernoulliKernel(), new double[d]);
        for (int k = 0; k < 4; k++) {
            System.arraycopy(r.blocks()[k], 0, m.blocks()[k], 0, m.blocks()[k].length);
        }
        m.tieLatentToVisible();
        return m;
    }

    /** Every configuration of {0,1}^d once, as a dataset (row x has bits Σ x_i 2^i). */
    static Dataset allConfigurations(int d) {
        int n = 1 << d;
        byte[] bits = new byte[n * d];
        int[] labels = new int[n];
        for (int x = 0; x < n; x++) {
            for (int i = 0; i < d; i++) {
                bits[x * d + i] = (byte) ((x >>> i) & 1);
            }
            labels[x] = x % 3;
        }
        return new Dataset(n, d, bits, labels, "all-" + d);
    }

    /** log p(x) by summing exp(−E(x,z)) over every z and normalizing over every (x, z). */
    static double[] bruteForce(Model m, int d) {
        int l = m.units();
        int states = m.latent().states();
        int n = 1 << d;
        double[] z = new double[l];
        double[] joint = new double[n];
        double total = 0;
        for (int x = 0; x < n; x++) {
            double px = 0;
            for (int s = 0; s < states; s++) {
                m.latent().state(s, z);
                double e = 0;
                for (int i = 0; i < d; i++) {
                    double xi = (x >>> i) & 1;
                    e += xi * m.a()[i];
                    for (int b = 0; b < l; b++) {
                        e += xi * m.w()[i * l + b] * z[b];
                    }
                }
                for (int b = 0; b < l; b++) {
                    e += m.abar()[b] * z[b];
                }
                px += Math.exp(e);
            }
            joint[x] = px;
            total += px;
        }
        double[] out = new double[n];
        for (int x = 0; x < n; x++) {
            out[x] = Math.log(joint[x] / total);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"one-hot,3,softmax,1", "one-hot,5,softmax,2", "bits,3,factorized,3", "bits,1,factorized,4",
        "bits,4,factorized,5"})
    void matchesBruteForceEnumeration(String encoding, int units, String norm, long seed) {
        int d = 6;
        Model m = randomRbm(d, encoding, units, norm, 2.0, seed);
        double[] exact = RbmLikelihood.perPoint(m, allConfigurations(d));
        double[] brute = bruteForce(m, d);
        for (int x = 0; x < exact.length; x++) {
            assertEquals(brute[x], exact[x], 1e-10, "x = " + x);
        }
    }

    @ParameterizedTest
    @CsvSource({"one-hot,3,softmax,1", "bits,3,factorized,2"})
    void isTheStationaryLawOfTheChainWhichIsReversible(String encoding, int units, String norm, long seed) {
        int d = 8;
        Model m = randomRbm(d, encoding, units, norm, 1.5, seed);
        Dataset data = TestModels.prototypes(60, d, 3, seed + 10);
        ExactSystem exact = ExactSystem.of(m);
        assertEquals(exact.logLikelihood(data), RbmLikelihood.summary(m, data).mean(), 1e-10);
        double[] pbar = RbmLikelihood.latentMarginal(m);
        double[] stationary = exact.latentStationary();
        for (int s = 0; s < pbar.length; s++) {
            assertEquals(stationary[s], pbar[s], 1e-12, "p̄(" + s + ")");
        }
        // detailed balance: σ is 0 up to rounding of M's entries (~1e-16 each)
        assertEquals(0.0, exact.entropyProduction().sigma(), 1e-13);
    }

    @Test
    void grayCodeOrderAgreesWithDirectSumsOverManyStates() {
        int d = 4;
        Model m = randomRbm(d, "bits", 12, null, 0.3, 9); // 4096 states: past the 1024-state refresh
        double[] lm = new double[m.latent().states()];
        double logZ = RbmLikelihood.logPartition(m, lm);
        double[] h = new double[d];
        int[] scratch = new int[12];
        double[] direct = new double[lm.length];
        for (int s = 0; s < lm.length; s++) {
            m.field(s, h, scratch);
            double v = m.logPartition(h);
            int k = m.latent().activeUnits(s, scratch);
            for (int j = 0; j < k; j++) {
                v += m.abar()[scratch[j]];
            }
            direct[s] = v;
            assertEquals(v, lm[s], 1e-11, "state " + s);
        }
        assertEquals(org.nelc.core.math.LogMath.logSumExp(direct), logZ, 1e-11);
    }

    @Test
    void refusesModelsThatAreNotRbms() {
        Model neq = TestModels.randomModel(5, TestModels.kernel("one-hot", 3, "softmax"), 1.0, 1);
        assertNotNull(RbmLikelihood.whyNotRbm(neq));
        Model ratio = randomRbm(5, "one-hot", 3, "sigmoid-ratio", 1.0, 1);
        assertTrue(RbmLikelihood.whyNotRbm(ratio).contains("softmax"));
        assertNull(RbmLikelihood.whyNotRbm(randomRbm(5, "bits", 2, null, 1.0, 1)));
        assertThrows(UserError.class, () -> RbmLikelihood.perPoint(neq, allConfigurations(5)));
    }

    @Test
    void summaryIsMeanAndStandardErrorOfPerPoint() {
        Model m = randomRbm(6, "bits", 2, null, 1.0, 3);
        Dataset data = TestModels.prototypes(30, 6, 2, 1);
        LogLikelihood.Summary s = RbmLikelihood.summary(m, data);
        assertEquals(LogLikelihood.summarize(RbmLikelihood.perPoint(m, data)), s);
    }
}
