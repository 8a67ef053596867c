package org.nelc.analysis.classes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.core.model.Model;

class ClassAssignmentTest {
    @Test
    void plantedStatesGoToTheirPrototypes() {
        Model model = TestModels.plantedCycle(4, 3, "sigmoid-ratio");
        Dataset data = TestModels.plantedData(4, 3, 400, 0.05, 1);
        double[] pbar = {0.1, 0.2, 0.3, 0.4};
        ClassAssignment a = ClassAssignment.of(model, data, pbar);
        assertArrayEquals(new int[] {0, 1, 2, 3}, a.classes());
        assertArrayEquals(new int[] {0, 1, 2, 3}, a.stateClass());
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, a.dataFractions(), 1e-15);
        assertArrayEquals(pbar, a.modelFractions(), 1e-15);
        for (int k = 0; k < 4; k++) {
            double s = 0;
            for (int z = 0; z < 4; z++) {
                s += a.meanPosterior()[k][z];
            }
            assertEquals(1.0, s, 1e-12, "posteriors of class " + k + " sum to 1");
            assertTrue(a.meanPosterior()[k][k] > 0.9, "state " + k + " explains prototype " + k);
        }
    }

    @Test
    void statesOfZeroWeightAreUnassignedAndTheirClassGetsNothing() {
        Model model = TestModels.plantedCycle(4, 3, "sigmoid-ratio");
        Dataset data = TestModels.plantedData(4, 3, 400, 0.05, 2);
        ClassAssignment a = ClassAssignment.of(model, data, new double[] {0.5, 0.5, 0, 0});
        assertEquals(-1, a.stateClass()[2]);
        assertEquals(-1, a.stateClass()[3]);
        ClassKl.Result r = ClassKl.of(a);
        assertEquals(Double.POSITIVE_INFINITY, r.kl());
        assertEquals(java.util.List.of(2, 3), r.classesWithoutState());
    }

    @Test
    void unlabeledDataIsRefused() {
        Model model = TestModels.plantedCycle(2, 3, "softmax");
        Dataset data = TestModels.unlabeled(TestModels.plantedData(2, 3, 10, 0.1, 3));
        assertThrows(UserError.class, () -> ClassAssignment.of(model, data, new double[] {0.5, 0.5}));
    }
}
