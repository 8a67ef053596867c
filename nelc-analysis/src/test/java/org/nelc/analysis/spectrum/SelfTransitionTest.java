package org.nelc.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SelfTransitionTest {
    @Test
    void traceOverStatesBesideOneOverL() {
        double[] m = {0.2, 0.7, 0.1, 0.1, 0.2, 0.7, 0.7, 0.1, 0.2};
        SelfTransition.Result r = SelfTransition.of(m, 3);
        assertEquals(0.2, r.meanDiagonal(), 1e-15);
        assertEquals(1.0 / 3, r.baseline(), 0);
        assertTrue(r.belowBaseline());
        SelfTransition.Result v = SelfTransition.of(m, 3, new boolean[] {true, false, true});
        assertEquals(2, v.states());
        assertEquals(0.2, v.meanDiagonal(), 1e-15);
        assertEquals(0.5, v.baseline(), 0);
    }
}
