package org.nelc.analysis.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassKlTest {
    @Test
    void constructedCase() {
        double third = 1.0 / 3;
        double[] pd = {third, third, third};
        double[] pe = {0.5, 0.25, 0.25};
        // KL = (1/3)[ln(2/3) + 2 ln(4/3)]
        assertEquals((Math.log(2.0 / 3) + 2 * Math.log(4.0 / 3)) / 3, ClassKl.kl(pd, pe), 1e-15);
        assertEquals(0.0, ClassKl.kl(pd, pd), 1e-16);
    }

    @Test
    void aClassWithoutAStateMakesItInfiniteAndIsNamed() {
        // states 0, 1 → class 7, state 2 → class 9, nothing → class 8
        ClassAssignment a = new ClassAssignment(new int[] {7, 8, 9}, new int[] {7, 7, 9}, new double[3][3],
                new double[] {0.4, 0.3, 0.3}, new double[] {0.8, 0, 0.2});
        ClassKl.Result r = ClassKl.of(a);
        assertEquals(Double.POSITIVE_INFINITY, r.kl());
        assertFalse(r.finite());
        assertEquals(List.of(8), r.classesWithoutState());
    }

    @Test
    void finiteCaseMatchesTheFormula() {
        ClassAssignment a = new ClassAssignment(new int[] {0, 1}, new int[] {0, 1, 1}, new double[2][3],
                new double[] {0.5, 0.5}, new double[] {0.2, 0.8});
        ClassKl.Result r = ClassKl.of(a);
        assertTrue(r.finite());
        assertEquals(0.5 * Math.log(0.5 / 0.2) + 0.5 * Math.log(0.5 / 0.8), r.kl(), 1e-15);
    }
}
