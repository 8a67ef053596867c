package org.nelc.analysis.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.api.UserError;
import org.nelc.api.latent.ScoreFactor;

class ExactCheckTest {
    static ExactCheckOptions small;
    static ExactCheckReport report;

    @BeforeAll
    static void runOnce() {
        small = ExactCheckOptions.builder().dimension(7).rows(90).latent("one-hot", 3).steps(400).checkEvery(100)
                .probeSegments(40).exactSteps(300).restarts(0).seed(3).build();
        report = ExactCheck.run(small);
        System.out.print(report.toTable());
    }

    @Test
    void reportsOneRowPerComparison() {
        assertEquals(5, report.rows().size());
        long[] steps = report.rows().stream().mapToLong(ExactCheckRow::step).toArray();
        assertEquals(0, steps[0]);
        assertEquals(400, steps[4]);
        for (ExactCheckRow r : report.rows()) {
            assertTrue(Math.abs(r.cosine()) <= 1 + 1e-12 && r.normRatio() > 0 && r.exactNorm() > 0, r.toString());
        }
        assertEquals(report.rows().get(4).exactLogLikelihood(), report.finalLogLikelihood(), 0);
        assertTrue(report.toTable().contains("gap (best exact - two-step final)"));
    }

    @Test
    void theTwoStepGradientPointsUphillAndTrainingGetsClose() {
        // properties of the method on a well-posed small problem, not tolerances of a statistic: the averaged
        // two-step direction has a clearly positive cosine with the true gradient, training raises the exact
        // log-likelihood, and exact ascent (the reference) is at least as good as its starting point
        assertTrue(report.meanCosine() > 0.3, "mean cosine " + report.meanCosine());
        assertTrue(report.finalLogLikelihood() > report.rows().get(0).exactLogLikelihood() + 0.1);
        assertTrue(report.bestExactLogLikelihood() >= report.exactAscentLogLikelihood());
        assertTrue(report.gap() < 0.2, "gap " + report.gap());
    }

    @Test
    void sameSeedSameReport() {
        ExactCheckReport again = ExactCheck.run(small.toBuilder().steps(100).exactSteps(50).restarts(0).build());
        ExactCheckReport twice = ExactCheck.run(small.toBuilder().steps(100).exactSteps(50).restarts(0).build());
        assertEquals(again.rows(), twice.rows());
        assertEquals(again.bestExactLogLikelihood(), twice.bestExactLogLikelihood(), 0);
    }

    @Test
    void givenDataAndBitsWork() {
        var data = TestModels.prototypes(40, 6, 2, 9);
        ExactCheckReport r = ExactCheck.run(ExactCheckOptions.builder().data(data).latent("bits", 2)
                .score(ScoreFactor.EXACT).steps(50).checkEvery(50).probeSegments(20).exactSteps(50).restarts(0)
                .batchSize(16).build());
        assertEquals(2, r.rows().size());
        assertTrue(r.setup().contains("bits:2"), r.setup());
    }

    @Test
    void badOptionsAreUserErrors() {
        assertThrows(UserError.class, () -> ExactCheckOptions.builder().dimension(15).build());
        assertThrows(UserError.class, () -> ExactCheckOptions.builder().rows(10).batchSize(32).build());
        assertThrows(UserError.class, () -> ExactCheckOptions.builder().optimizer("rmsprop", 0).build());
        assertThrows(UserError.class, () -> ExactCheck.run(ExactCheckOptions.builder().optimizer("nope", 0.1)
                .steps(1).build()));
    }
}
