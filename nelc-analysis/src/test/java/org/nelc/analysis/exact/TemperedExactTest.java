package org.nelc.analysis.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.analysis.TestModels;
import org.nelc.api.Settings;
import org.nelc.api.data.Dataset;
import org.nelc.core.kernel.TemperedKernel;
import org.nelc.core.model.Model;

/**
 * Exact enumeration with a z→x kernel that is not the paper's ({@code sigmoid(h/T)}): the adjoint
 * gradient (which applies the slope {@code dη/dh = 1/T}) against central differences of the exact
 * log-likelihood (which only evaluates {@code log A} through the natural parameter).
 */
class TemperedExactTest {

    @ParameterizedTest
    @CsvSource({"one-hot,sigmoid-ratio,6,3,1,0.5", "bits,factorized,6,2,3,3.0", "one-hot,softmax,7,4,2,1.7"})
    void adjointMatchesCentralDifferences(String encoding, String norm, int d, int l, long seed, double t) {
        Model base = TestModels.randomModel(d, TestModels.kernel(encoding, l, norm), 1.5, seed);
        Model model = new Model(d, base.latent(),
                new TemperedKernel().configure(new Settings(Map.of("T", t))), base.centering());
        for (int b = 0; b < 4; b++) {
            System.arraycopy(base.blocks()[b], 0, model.blocks()[b], 0, base.blocks()[b].length);
        }
        Dataset data = TestModels.prototypes(40, d, 3, seed + 100);
        double[][] adj = ExactGradient.adjoint(model, data);
        double[][] fd = ExactGradient.finiteDifference(model, data, 1e-5);
        // as ExactGradientTest: ε = 1e-5 gives truncation and rounding errors ~1e-10 (times 1/T² ≤ 4 here)
        double norm2 = 0;
        for (int b = 0; b < 4; b++) {
            for (int j = 0; j < adj[b].length; j++) {
                assertEquals(fd[b][j], adj[b][j], 1e-7, "block " + b + " index " + j);
                norm2 += adj[b][j] * adj[b][j];
            }
        }
        assertTrue(norm2 > 1e-6, "the gradient is not trivially zero");
    }
}
