package org.nelc.analysis.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.core.model.Model;
import org.nelc.core.random.SeedTree;

class EvaluationContextTest {
    @Test
    void estimatesAreComputedOnceAndUnknownNamesAreRefused() {
        Model model = TestModels.randomModel(6, TestModels.kernel("one-hot", 3, "softmax"), 1, 1);
        Dataset data = TestModels.prototypes(20, 6, 2, 1);
        int[] traj = TestModels.trajectory(model, 1, 10, 1000);
        EvaluationContext ctx = EvaluationContext.standard(model, data, traj, 100, SeedTree.root(1));
        assertSame(traj, ctx.trajectory());
        assertSame(model, ctx.model());
        assertSame(data, ctx.data());
        assertSame(ctx.transitions("count"), ctx.transitions("count"));
        assertSame(ctx.transitions("rao-blackwell"), ctx.transitions("rao-blackwell"));
        assertTrue(ctx.estimateSeconds().containsKey("rao-blackwell"));
        UserError e = assertThrows(UserError.class, () -> ctx.transitions("magic"));
        assertTrue(e.getMessage().contains("count, rao-blackwell"), e.getMessage());
    }

    @Test
    void measurementsCarryTheValueOfTheFullEstimateAndAJackknifeError() {
        Model model = TestModels.randomModel(6, TestModels.kernel("one-hot", 3, "softmax"), 1, 1);
        Dataset data = TestModels.prototypes(20, 6, 2, 1);
        int[] traj = TestModels.trajectory(model, 1, 10, 4000);
        EvaluationContext ctx = EvaluationContext.standard(model, data, traj, 400, SeedTree.root(1));
        for (String e : new String[] {"count", "rao-blackwell"}) {
            Measurement m = ctx.measure(e, "m01", "M_01", "", t -> t.get(0, 1));
            assertEquals(ctx.transitions(e).get(0, 1), m.value(), 0, e);
            assertTrue(m.standardError() > 0 && m.standardError() < 0.05, e + " " + m);
            assertTrue(m.method().contains("jackknife over 20"), m.method());
            Measurement constant = ctx.measure(e, "one", "1", "", t -> 1.0);
            assertEquals(0, constant.standardError(), 0, "a constant has no error");
            Measurement undefined = ctx.measure(e, "inf", "inf", "", t -> Double.POSITIVE_INFINITY);
            assertTrue(Double.isNaN(undefined.standardError()) && undefined.method().startsWith("not estimated"));
        }
        Measurement p0 = ctx.measureOccupancy("p0", "p̄(0)", "", p -> p[0]);
        assertEquals(ctx.transitions("count").occupancy()[0], p0.value(), 0);
        assertTrue(p0.standardError() > 0 && p0.method().contains("batches of 200"), p0.toString());
        Measurement ll = ctx.logLikelihood();
        double[] perPoint = org.nelc.core.likelihood.LogLikelihood.perPoint(model, data,
                ctx.transitions("count").occupancy());
        double mean = 0;
        for (double v : perPoint) {
            mean += v / perPoint.length;
        }
        assertEquals(mean, ll.value(), 1e-12, "the same log-likelihood as PreciseLikelihood");
        assertTrue(ll.standardError() > 0 && ll.method().startsWith("Monte-Carlo"), ll.toString());
    }
}
