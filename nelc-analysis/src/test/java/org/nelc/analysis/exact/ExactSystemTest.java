package org.nelc.analysis.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.analysis.TestModels;
import org.nelc.analysis.transition.StationaryVector;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.core.math.LogMath;
import org.nelc.core.model.Model;

class ExactSystemTest {
    @ParameterizedTest
    @CsvSource({"one-hot,sigmoid-ratio,6,3,1", "one-hot,softmax,8,4,2", "bits,factorized,7,3,3"})
    void theStationaryEquationsHold(String enc, String norm, int d, int l, long seed) {
        Model model = TestModels.randomModel(d, TestModels.kernel(enc, l, norm), 2, seed);
        ExactSystem sys = ExactSystem.of(model);
        double[] p = sys.visibleStationary();
        double total = 0;
        for (double v : p) {
            total += v;
        }
        assertEquals(1.0, total, 1e-13);
        assertTrue(sys.stationarityResidual() < 1e-15, "p P = p, residual " + sys.stationarityResidual());
        int s = sys.states();
        double[] m = sys.transitionMatrix();
        double[] pbar = sys.latentStationary();
        for (int z = 0; z < s; z++) {
            double row = 0;
            double q = 0;
            for (int y = 0; y < s; y++) {
                row += m[z * s + y];
            }
            for (int x = 0; x < sys.configurations(); x++) {
                q += p[x] * Math.exp(sys.logAbar(x, z));
            }
            assertEquals(1.0, row, 1e-13, "row " + z + " of M");
            assertEquals(pbar[z], q, 1e-14, "Eq. 6 for state " + z);
        }
    }

    @Test
    void theVisibleChainSolvedDirectlyGivesTheSameP() {
        // build P_{xx'} = Σ_z Ā_{xz} A_{zx'} explicitly (2^6 × 2^6) and solve it independently
        Model model = TestModels.randomModel(6, TestModels.kernel("one-hot", 3, "sigmoid-ratio"), 2, 9);
        ExactSystem sys = ExactSystem.of(model);
        int nx = sys.configurations();
        double[] big = new double[nx * nx];
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < nx; y++) {
                double v = 0;
                for (int z = 0; z < sys.states(); z++) {
                    v += Math.exp(sys.logAbar(x, z) + sys.logA(z, y));
                }
                big[x * nx + y] = v;
            }
        }
        assertArrayEquals(StationaryVector.ofStochastic(big, nx), sys.visibleStationary(), 1e-14);
    }

    @ParameterizedTest
    @CsvSource({"one-hot,softmax,8,3,4", "bits,factorized,7,3,5"})
    void theTiedModelIsAnRbmWithItsClosedFormLikelihood(String enc, String norm, int d, int l, long seed) {
        Model model = TestModels.tied(d, TestModels.kernel(enc, l, norm), 1.5, seed);
        ExactSystem sys = ExactSystem.of(model);
        assertEquals(0.0, sys.entropyProduction().sigma(), 1e-12);
        // p(x) = Σ_z exp(xᵀwz + aᵀx + āᵀz) / Z,  Z = Σ_z exp(āᵀz) Π_i (1 + e^{h_i(z)}),  h(z) = wz + a
        int s = sys.states();
        double[] h = new double[d];
        int[] scratch = new int[l];
        double[] logZTerms = new double[s];
        double[][] fields = new double[s][];
        double[] zbias = new double[s];
        for (int z = 0; z < s; z++) {
            model.field(z, h, scratch);
            fields[z] = h.clone();
            int k = model.latent().activeUnits(z, scratch);
            for (int j = 0; j < k; j++) {
                zbias[z] += model.abar()[scratch[j]];
            }
            double t = zbias[z];
            for (int i = 0; i < d; i++) {
                t += LogMath.softplus(h[i]);
            }
            logZTerms[z] = t;
        }
        double logZ = LogMath.logSumExp(logZTerms);
        double[] terms = new double[s];
        for (int x = 0; x < sys.configurations(); x++) {
            for (int z = 0; z < s; z++) {
                double e = zbias[z];
                for (int i = 0; i < d; i++) {
                    if ((x >>> i & 1) != 0) {
                        e += fields[z][i];
                    }
                }
                terms[z] = e;
            }
            assertEquals(LogMath.logSumExp(terms) - logZ, sys.logProbability(x), 1e-12, "log p of x = " + x);
        }
    }

    @Test
    void theLikelihoodIsTheMeanOverRows() {
        Model model = TestModels.randomModel(5, TestModels.kernel("bits", 2, null), 1, 6);
        Dataset data = TestModels.prototypes(7, 5, 2, 7);
        ExactSystem sys = ExactSystem.of(model);
        double s = 0;
        for (int n = 0; n < 7; n++) {
            int x = 0;
            for (int i = 0; i < 5; i++) {
                x |= data.bit(n, i) << i;
            }
            assertEquals(x, ExactSystem.index(data, n));
            s += sys.logProbability(x);
        }
        assertEquals(s / 7, sys.logLikelihood(data), 1e-15);
    }

    @Test
    void tooLargeSystemsAreRefusedWithAUserError() {
        UserError d = assertThrows(UserError.class,
                () -> ExactSystem.of(TestModels.randomModel(15, TestModels.kernel("one-hot", 2, "softmax"), 1, 1)));
        assertTrue(d.getMessage().contains("D <= 14"), d.getMessage());
        UserError t = assertThrows(UserError.class,
                () -> ExactSystem.of(TestModels.randomModel(14, TestModels.kernel("bits", 8, null), 1, 1)));
        assertTrue(t.getMessage().contains("256 latent states"), t.getMessage());
    }
}
