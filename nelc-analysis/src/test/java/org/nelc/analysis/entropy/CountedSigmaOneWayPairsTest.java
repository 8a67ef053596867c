package org.nelc.analysis.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.analysis.evaluate.EvaluationContext;
import org.nelc.analysis.exact.ExactSystem;
import org.nelc.analysis.transition.CountEstimator;
import org.nelc.analysis.transition.LatentWeights;
import org.nelc.api.data.Dataset;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.api.diagnostic.TransitionEstimate;
import org.nelc.core.model.Model;
import org.nelc.core.random.SeedTree;

/**
 * The counted σ's error is honest when one-way pairs are skipped. The system: a planted 4-state cycle
 * (D = 12, {@link TestModels#plantedCycle}, {@code w̄} doubled) whose exact M is known by enumeration:
 * forward flows 0.25, every other flow 1.6e-5, exact σ = 9.63. In a chain of {@value #T} transitions a
 * reverse flow of 1.6e-5 is seen about 0.08 times, so most runs skip several pairs, and which ones are seen
 * changes from seed to seed — a spread over seeds that the batch jackknife, which resamples only what
 * happened, does not see (in some runs every replicate skips the same pairs and it reports 0).
 */
class CountedSigmaOneWayPairsTest {
    static final int T = 5000;
    static final int RUNS = 30;

    @Test
    void skippedPairsWidenTheErrorToTheSpreadOverSeedsAndTheNoteGivesTheBound() {
        Model model = TestModels.plantedCycle(4, 3, "softmax");
        for (int i = 0; i < model.wbar().length; i++) {
            model.wbar()[i] *= 2;
        }
        Dataset data = TestModels.plantedData(4, 3, 60, 0.1, 5);
        double exact = ExactSystem.of(model).entropyProduction().sigma();
        double[] values = new double[RUNS];
        double[] reported = new double[RUNS];
        double[] jackknife = new double[RUNS];
        int withOneWay = 0;
        for (int s = 0; s < RUNS; s++) {
            int[] traj = TestModels.trajectory(model, 100 + s, 200, T);
            EvaluationContext ctx = EvaluationContext.standard(model, data, traj, 100, 0, 100,
                    SeedTree.root(100 + s).child("evaluate"));
            DiagnosticResult r = new EntropyProductionDiagnostic().compute(ctx);
            Measurement sigma = r.measurement("sigma.count");
            Measurement jk = ctx.measure(CountEstimator.NAME, "s", "", "",
                    t -> EntropyProduction.sigma(t.matrix(), LatentWeights.of(t), t.states()));
            TransitionEstimate counted = ctx.transitions(CountEstimator.NAME);
            double[] m = counted.matrix();
            double[] p = LatentWeights.of(counted);
            values[s] = sigma.value();
            reported[s] = sigma.standardError();
            jackknife[s] = jk.standardError();
            assertEquals(jk.value(), sigma.value(), 0.0, "the value is never changed");
            int oneWay = (int) r.number("one-way-pairs.count");
            if (oneWay == 0) {
                assertEquals(jk.standardError(), sigma.standardError(), 0.0, "no one-way pair: the jackknife's error");
                continue;
            }
            withOneWay++;
            double spread = EntropyProduction.skippedPairsSpread(m, p, 4, counted.samples());
            assertTrue(spread > 0);
            assertEquals(Math.sqrt(jk.standardError() * jk.standardError() + spread * spread), sigma.standardError(),
                    1e-12, "jackknife and the skipped pairs' spread in quadrature");
            double bound = EntropyProduction.skippedPairsLowerBound(m, p, 4, counted.samples());
            assertTrue(sigma.note().contains(oneWay + " one-way pair") && sigma.note().contains("(lower bound)")
                    && sigma.note().contains(String.format(java.util.Locale.ROOT, "add at least %.3g more", bound)),
                    sigma.note());
            // the rule-of-three bound is a bound: the skipped pairs' exact terms add at least that much
            assertTrue(sigma.value() + bound <= exact + 2 * sigma.standardError(), sigma + " exact " + exact);
        }
        assertTrue(withOneWay >= RUNS / 2, withOneWay + " runs with one-way pairs: the case under test");
        double mean = Arrays.stream(values).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (RUNS - 1));
        double medianReported = median(reported);
        double medianJackknife = median(jackknife);
        String report = String.format(java.util.Locale.ROOT, "σ count over %d seeds: mean %.3f sd %.3f; median "
                + "reported s.e. %.3f, median jackknife s.e. %.3f; exact σ %.3f", RUNS, mean, sd, medianReported,
                medianJackknife, exact);
        // honest: a typical reported error is at least the spread over seeds (0.8: the sd of 30 values has a
        // relative spread of ~13 %); the jackknife alone is not — the reason for the widening
        assertTrue(medianReported >= 0.8 * sd, report);
        assertTrue(medianJackknife < 0.8 * sd, report);
        System.out.println(report);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
