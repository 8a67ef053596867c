package org.nelc.analysis.cycles;

import org.nelc.analysis.evaluate.MeasurementKey;
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
                sigma, e.value(MeasurementKey.SIGMA_COUNT), e.value(MeasurementKey.SIGMA), exact.selfTransition().meanDiagonal(),
                e.value(MeasurementKey.SELF_TRANSITION_COUNT), e.value(MeasurementKey.SELF_TRANSITION), exact.decorrelationTime().tau(),
                e.value(MeasurementKey.TAU_COUNT), e.value(MeasurementKey.TAU));
        assertTrue(sigma > 1, "the planted cycle produces entropy: σ = " + sigma);
        for (String est : List.of("count", "rao-blackwell")) {
            // σ within 20 % of exact: far from its noise (the entries are ≥ 0.01 and counted ~1e4 times per row)
            DiagnosticResult ep = e.result("entropy-production");
            DiagnosticResult st = e.result("self-transition");
            DiagnosticResult cy = e.result("cycles");
            assertEquals(sigma, ep.number("sigma." + est), 0.2 * sigma, est + " σ");
            assertTrue(st.number("mean-diagonal." + est) < 1.0 / L, est + " Tr(M)/L < 1/L");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cycles = (List<Map<String, Object>>) cy.details().get("cycles." + est);
            assertEquals(1, cycles.size(), est + " cycles");
            assertEquals(1.0, cy.number("cycles." + est), est + " cycles measurement");
            Map<String, Object> c = cycles.get(0);
            assertArrayEquals(new int[] {0, 1, 2, 3}, (int[]) c.get("states"), est + " order");
            assertArrayEquals(new int[] {0, 1, 2, 3}, (int[]) c.get("classes"), est + " classes");
            assertTrue((double) c.get("flux") > 0.1, est + " flux " + c.get("flux"));
            assertEquals(1.0, cy.number("clean." + est), est + " clean");
            assertEquals(4.0, cy.number(CyclesDiagnostic.longestKey(est)), est + " longest circulating cycle");
            assertEquals(1.0, cy.number(CyclesDiagnostic.coverageKey(est)), est + " coverage");
        }
        assertTrue(e.value(MeasurementKey.CLASS_KL) < 0.01, "each class is one state of near-uniform weight: KL "
                + e.value(MeasurementKey.CLASS_KL));

        List<String> names = e.diagnostics().stream().map(DiagnosticResult::diagnostic).toList();
        assertEquals(List.of("log-likelihood", "exact-likelihood", "entropy-production", "decorrelation-time",
                "self-transition", "class-kl", "cycles"), names);
        assertEquals(true, e.result("cycles").details().get("clean.rao-blackwell"));
        for (DiagnosticResult r : e.diagnostics()) {
            assertEquals(DiagnosticResult.Status.OK, r.status(), r.diagnostic());
        }
    }
}
