package org.nelc.analysis.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.analysis.TestModels;
import org.nelc.api.data.Dataset;
import org.nelc.core.model.Model;

class ExactGradientTest {

    @ParameterizedTest
    @CsvSource({"one-hot,sigmoid-ratio,6,3,1", "one-hot,softmax,7,4,2", "bits,factorized,6,2,3", "bits,factorized,8,3,4"})
    void adjointMatchesCentralDifferences(String encoding, String norm, int d, int l, long seed) {
        Model model = TestModels.randomModel(d, TestModels.kernel(encoding, l, norm), 1.5, seed);
        Dataset data = TestModels.prototypes(40, d, 3, seed + 100);
        double[][] adj = ExactGradient.adjoint(model, data);
        double[][] fd = ExactGradient.finiteDifference(model, data, 1e-5);
        // Central differences with ε = 1e-5 have truncation error ~ε²·|ℒ'''| ≈ 1e-10 and rounding error
        // ~1e-16·|ℒ|/ε ≈ 1e-10: agreement to 1e-7 absolute leaves three orders of margin.
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
