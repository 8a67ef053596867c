package org.nelc.core.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.Fixtures;

/** The score factors of docs/model.md §4 against their definitions. */
class ScoreFactorTest {

    /**
     * {@code exact} is {@code ∂ log Ā / ∂u_β}: compare with central differences, step 1e-5. The
     * truncation error is O(h²·|f'''|) ≈ 1e-10 and the rounding error O(ε/h) ≈ 1e-11, so 1e-8 is safe.
     */
    @ParameterizedTest
    @CsvSource({"one-hot,5,sigmoid-ratio", "one-hot,5,softmax", "bits,4,factorized"})
    void exactScoreIsTheDerivativeOfLogAbar(String encoding, int units, String norm) {
        LatentKernel k = Fixtures.kernel(encoding, units, norm);
        UniformRandomProvider r = Fixtures.rng(3);
        double[] u = new double[units];
        double[] s = new double[units];
        for (int trial = 0; trial < 20; trial++) {
            for (int b = 0; b < units; b++) {
                u[b] = 6 * (2 * r.nextDouble() - 1);
            }
            for (int state = 0; state < k.states(); state++) {
                k.score(u, 0, state, ScoreFactor.EXACT, s, 0);
                for (int b = 0; b < units; b++) {
                    double h = 1e-5;
                    double keep = u[b];
                    u[b] = keep + h;
                    double up = k.logProb(u, 0, state);
                    u[b] = keep - h;
                    double down = k.logProb(u, 0, state);
                    u[b] = keep;
                    assertEquals((up - down) / (2 * h), s[b], 1e-8, encoding + "/" + norm + " state " + state + " unit " + b);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"one-hot,5,sigmoid-ratio", "one-hot,5,softmax", "bits,4,factorized"})
    void paperScoreIsZMinusSigmoid(String encoding, int units, String norm) {
        LatentKernel k = Fixtures.kernel(encoding, units, norm);
        UniformRandomProvider r = Fixtures.rng(4);
        double[] u = new double[units];
        double[] z = new double[units];
        double[] s = new double[units];
        for (int b = 0; b < units; b++) {
            u[b] = 4 * (2 * r.nextDouble() - 1);
        }
        for (int state = 0; state < k.states(); state++) {
            k.score(u, 0, state, ScoreFactor.PAPER, s, 0);
            k.state(state, z);
            for (int b = 0; b < units; b++) {
                assertEquals(z[b] - 1 / (1 + Math.exp(-u[b])), s[b], 1e-15);
            }
        }
    }

    /** log Ā normalizes to 1 and matches Eq. 19 / softmax / Eq. 11 in linear space. */
    @ParameterizedTest
    @CsvSource({"one-hot,4,sigmoid-ratio", "one-hot,4,softmax", "bits,3,factorized"})
    void logProbsMatchTheirFormulas(String encoding, int units, String norm) {
        LatentKernel k = Fixtures.kernel(encoding, units, norm);
        double[] u = {0.3, -1.2, 2.5, -0.4};
        double[] lp = new double[k.states()];
        k.logProbs(u, 0, lp);
        double total = 0;
        for (int s = 0; s < k.states(); s++) {
            double expect;
            if (encoding.equals("bits")) {
                expect = 1;
                for (int b = 0; b < units; b++) {
                    double p = 1 / (1 + Math.exp(-u[b]));
                    expect *= ((s >> b) & 1) == 1 ? p : 1 - p;
                }
            } else {
                double num = 0;
                double den = 0;
                for (int b = 0; b < units; b++) {
                    double wgt = norm.equals("softmax") ? Math.exp(u[b]) : 1 / (1 + Math.exp(-u[b]));
                    den += wgt;
                    if (b == s) {
                        num = wgt;
                    }
                }
                expect = num / den;
            }
            assertEquals(expect, Math.exp(lp[s]), 1e-14);
            assertEquals(lp[s], k.logProb(u, 0, s), 1e-14);
            total += Math.exp(lp[s]);
        }
        assertEquals(1.0, total, 1e-14);
    }

    /** Extreme logits stay finite in log space (the reason nelc needs no Q rescaling). */
    @ParameterizedTest
    @CsvSource({"one-hot,3,sigmoid-ratio", "one-hot,3,softmax", "bits,3,factorized"})
    void extremeLogitsStayFinite(String encoding, int units, String norm) {
        LatentKernel k = Fixtures.kernel(encoding, units, norm);
        double[] u = {-2000, -1500, -1900};
        double[] s = new double[units];
        for (int state = 0; state < k.states(); state++) {
            double lp = k.logProb(u, 0, state);
            assertEquals(false, Double.isNaN(lp));
            k.score(u, 0, state, ScoreFactor.EXACT, s, 0);
            for (double v : s) {
                assertEquals(true, Double.isFinite(v));
            }
        }
        int z = k.sample(u, 0, Fixtures.rng(1));
        assertEquals(true, z >= 0 && z < k.states());
    }
}
