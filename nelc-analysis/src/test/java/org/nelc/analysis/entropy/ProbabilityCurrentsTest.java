package org.nelc.analysis.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nelc.analysis.transition.StationaryVector;

class ProbabilityCurrentsTest {
    @Test
    void currentsAreAntisymmetricAndBalancedInTheSteadyState() {
        double[] m = {0.1, 0.6, 0.3, 0.2, 0.2, 0.6, 0.5, 0.1, 0.4};
        double[] p = StationaryVector.of(m, 3);
        double[] j = ProbabilityCurrents.flows(m, p, 3);
        double[] k = ProbabilityCurrents.currents(m, p, 3);
        for (int a = 0; a < 3; a++) {
            double out = 0;
            for (int b = 0; b < 3; b++) {
                assertEquals(j[a * 3 + b] - j[b * 3 + a], k[a * 3 + b], 1e-16);
                assertEquals(-k[b * 3 + a], k[a * 3 + b], 0);
                out += k[a * 3 + b];
            }
            assertEquals(0, out, 1e-15, "Kirchhoff: net current out of state " + a);
        }
        assertArrayEquals(new double[] {0.5 * 0.1, 0.5 * 0.6, 0.5 * 0.3},
                java.util.Arrays.copyOf(ProbabilityCurrents.flows(m, new double[] {0.5, 0.25, 0.25}, 3), 3), 1e-16);
    }
}
