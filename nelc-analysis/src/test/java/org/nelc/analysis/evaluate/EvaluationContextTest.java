package org.nelc.analysis.evaluate;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
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
}
