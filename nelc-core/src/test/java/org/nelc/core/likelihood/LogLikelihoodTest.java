package org.nelc.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.api.data.Dataset;
import org.nelc.core.Fixtures;
import org.nelc.core.model.Model;

class LogLikelihoodTest {
    /** Streamed log-sum-exp in blocks against a direct linear-space mixture (D = 7 keeps products exact enough). */
    @ParameterizedTest
    @CsvSource({"one-hot,4", "bits,9"})
    void mixtureMatchesDirectSum(String enc, int units) {
        Dataset data = Fixtures.dataset(20, 7, 2, 3);
        Model m = Fixtures.randomModel(7, Fixtures.kernel(enc, units, null), 1.2, 4);
        int states = m.latent().states();
        double[] wts = new double[states];
        double tot = 0;
        for (int s = 0; s < states; s++) {
            wts[s] = s % 3 == 1 ? 0 : 1 + s;
            tot += wts[s];
        }
        for (int s = 0; s < states; s++) {
            wts[s] /= tot;
        }
        double[] got = LogLikelihood.perPoint(m, data, wts);
        double[] h = new double[7];
        int[] scratch = new int[units];
        for (int n = 0; n < data.size(); n++) {
            double p = 0;
            for (int s = 0; s < states; s++) {
                m.field(s, h, scratch);
                double a = 1;
                for (int i = 0; i < 7; i++) {
                    double q = 1 / (1 + Math.exp(-h[i]));
                    a *= data.bit(n, i) == 1 ? q : 1 - q;
                }
                p += wts[s] * a;
            }
            assertEquals(Math.log(p), got[n], 1e-12);
        }
    }
}
