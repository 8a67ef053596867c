package org.nelc.analysis.cycles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.analysis.evaluate.MatrixSummary;
import org.nelc.analysis.exact.ExactSystem;
import org.nelc.api.data.Dataset;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.core.model.Model;

/**
 * A hand-built model whose latent states generate distinct prototypes and whose {@code w̄} sends
 * prototype k to state k+1 (mod L): the evaluation must see the cycle.
 */
class PlantedCycleTest {
    static final int L = 4;

    @Test
    void theEvaluationFindsThePlantedCycle() {
        Model model = TestModels.plantedCycle(L, 3, "sigmoid-ratio");
        Dataset data = TestModels.plantedData(L, 3, 400, 0.05, 8);
        ExactSystem exact = ExactSystem.of(model);
        double sigma = exact.entropyProduction().sigma();
        Evaluation e = new Evaluator(Evaluator.discoverDiagnostics()).evaluate(model, data,
                new EvaluationOptions(3, 50_000, 500, 2000));
        System.out.printf("planted: σ exact %.3f count %.3f rb %.3f; Tr/L exact %.3f count %.3f rb %.3f; τ %.2f %.2f %.2f%n",
                sigma, e.count().sigma(), e.raoBlackwell().sigma(), exact.selfTransition().meanDiagonal(),
                e.count().selfTransition(), e.raoBlackwell().selfTransition(), exact.decorrelationTime().tau(),
                e.count().tau(), e.raoBlackwell().tau());
        assertTrue(sigma > 1, "the planted cycle produces entropy: σ = " + sigma);
        for (MatrixSummary s : List.of(e.count(), e.raoBlackwell())) {
            // σ within 20 % of exact: far from its noise (the entries are ≥ 0.01 and counted ~1e4 times per row)
            assertEquals(sigma, s.sigma(), 0.2 * sigma, s.estimator() + " σ");
            assertTrue(s.selfTransition() < s.selfTransitionBaseline(), s.estimator() + " Tr(M)/L < 1/L");
            assertEquals(1, s.cycles().size(), s.estimator() + " cycles");
            Cycle c = s.cycles().get(0);
            assertArrayEquals(new int[] {0, 1, 2, 3}, c.states(), s.estimator() + " order");
            assertArrayEquals(new int[] {0, 1, 2, 3}, c.classes(), s.estimator() + " classes");
            assertTrue(c.flux() > 0.1, s.estimator() + " flux " + c.flux());
            assertTrue(s.cleanCycle(), s.estimator() + " clean");
        }
        assertTrue(e.classes().available());
        assertTrue(e.classes().kl() < 0.01, "each class is one state of near-uniform weight: KL " + e.classes().kl());

        Map<String, DiagnosticResult> d = e.diagnostics();
        assertEquals(List.of("class-kl", "cycles", "decorrelation-time", "entropy-production", "exact-likelihood",
                "self-transition"), List.copyOf(d.keySet()));
        assertEquals(true, d.get("cycles").details().get("clean.rao-blackwell"));
        assertEquals(e.count().sigma(), d.get("entropy-production").number("sigma.count"), 0);
        assertEquals(e.raoBlackwell().tau(), d.get("decorrelation-time").number("tau.rao-blackwell"), 0);
        assertEquals(e.classes().kl(), d.get("class-kl").number("kl"), 0);
        assertEquals(e.count().selfTransition(), d.get("self-transition").number("meanDiagonal.count"), 0);
    }
}
