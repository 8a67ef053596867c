package org.example.nelcplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nelc.api.UserError;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerSettings;

class AdaGradTest {
    @Test
    void twoStepsByHand() {
        Optimizer o = new AdaGrad().create(new OptimizerSettings(0.5, Map.of("eps", 1e-300)), new int[] {2});
        // eps = 1e-300 vanishes next to √G ≥ 3, so the steps below are exact
        double[][] p = {{0.0, 1.0}};
        o.step(p, new double[][] {{3.0, -4.0}});
        // G = (9, 16): steps 0.5·3/3 = 0.5 and 0.5·(−4)/4 = −0.5
        assertEquals(0.5, p[0][0], 0.0);
        assertEquals(0.5, p[0][1], 0.0);
        o.step(p, new double[][] {{4.0, 0.0}});
        // G = (25, 16): step 0.5·4/5 = 0.4; a zero gradient does not move
        assertEquals(0.9, p[0][0], 1e-15);
        assertEquals(0.5, p[0][1], 0.0);
        double[][] saved = o.state();
        o.reset();
        o.restore(saved);
        assertEquals(25.0, o.state()[0][0], 0.0);
    }

    @Test
    void refusesUnknownAndBadSettings() {
        assertThrows(UserError.class,
                () -> new AdaGrad().create(new OptimizerSettings(0.1, Map.of("decay", 0.9)), new int[] {1}));
        assertThrows(UserError.class,
                () -> new AdaGrad().create(new OptimizerSettings(0.1, Map.of("eps", -1.0)), new int[] {1}));
    }
}
