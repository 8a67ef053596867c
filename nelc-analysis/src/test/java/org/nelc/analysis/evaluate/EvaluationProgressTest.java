package org.nelc.analysis.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.api.data.Dataset;
import org.nelc.core.model.Model;

/**
 * reliability.md: a long evaluation ran silently. The chain now reports its progress after every piece
 * of 65 536 double steps (burn-in included), and running it in pieces changes no number.
 */
class EvaluationProgressTest {
    @Test
    void theChainReportsEveryPieceUpToItsTotalAndTheNumbersDoNotChange() {
        Model model = TestModels.randomModel(9, TestModels.kernel("one-hot", 4, "sigmoid-ratio"), 1.5, 2);
        Dataset data = TestModels.prototypes(60, 9, 3, 2);
        EvaluationOptions options = new EvaluationOptions(3, 150_000, 70_000, 20);
        Evaluator ev = new Evaluator(Evaluator.discoverDiagnostics());
        List<long[]> calls = new ArrayList<>();
        Evaluation reported = ev.evaluate(model, data, null, options, (done, total) -> calls.add(new long[] {done, total}));
        Evaluation silent = ev.evaluate(model, data, options);
        // 70 000 burn-in steps: pieces of 65 536 and 4 464; 150 000 counted: 65 536, 65 536, 18 928
        long[] expected = {65_536, 70_000, 135_536, 201_072, 220_000};
        assertEquals(expected.length, calls.size());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], calls.get(k)[0]);
            assertEquals(220_000, calls.get(k)[1]);
        }
        assertArrayEquals(silent.occupancy(), reported.occupancy());
        assertEquals(silent.logLikelihood(), reported.logLikelihood(), 0.0);
        assertTrue(Double.isFinite(reported.logLikelihood()));
    }
}
