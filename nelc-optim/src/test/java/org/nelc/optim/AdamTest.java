package org.nelc.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nelc.api.UserError;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerSettings;

class AdamTest {
    private final AdamFactory factory = new AdamFactory();

    private Optimizer create(double lr, Map<String, Double> extras, int[] sizes) {
        return factory.create(new OptimizerSettings(lr, extras), sizes);
    }

    @Test
    void defaults() {
        Adam opt = (Adam) create(0.1, Map.of(), Quadratic.SIZES);
        assertEquals(0.9, opt.beta1());
        assertEquals(0.999, opt.beta2());
        assertEquals(1e-8, opt.eps());
        assertEquals("adam", factory.name());
        assertEquals(Set.of("beta1", "beta2", "eps"), factory.extraSettings());
    }

    /** lr 0.1, 500 steps from θ = 0: within 1e-6 of the maximum in every coordinate. */
    @Test
    void climbsToTheMaximumOfAConcaveQuadratic() {
        assertTrue(Quadratic.distanceAfter(create(0.1, Map.of(), Quadratic.SIZES), 500) < 1e-6);
    }

    /**
     * lr 0.1, defaults. Step 1, g = ([2, −0.5], [0]): m̂ = g, v̂ = g², θ += 0.1 g / (|g| + 1e-8).
     * Step 2, g = ([1, 0.5], [3]): m = ([0.28, 0.005], [0.3]), v = ([0.004996, 0.00049975], [0.009]),
     * m̂ = m / 0.19, v̂ = v / 0.001999. Expected values worked out in 40-digit decimal arithmetic.
     */
    @Test
    void twoStepsMatchHandComputedValues() {
        Adam opt = (Adam) create(0.1, Map.of(), new int[] {2, 1});
        double[][] theta = {{1.0, -2.0}, {0.5}};
        opt.step(theta, new double[][] {{2.0, -0.5}, {0.0}});
        assertArrayEquals(new double[] {1.0999999995, -2.09999999800000004}, theta[0], 1e-14);
        assertArrayEquals(new double[] {0.5}, theta[1], 0.0);
        opt.step(theta, new double[][] {{1.0, 0.5}, {3.0}});
        assertArrayEquals(new double[] {1.193217962791490, -2.094736840210526}, theta[0], 1e-14);
        assertArrayEquals(new double[] {0.5744136820059970}, theta[1], 1e-14);
        assertEquals(2, opt.stepCount());
        double[][] state = opt.state();
        assertEquals(5, state.length);
        assertArrayEquals(new double[] {0.28, 0.005}, state[0], 1e-15);
        assertArrayEquals(new double[] {0.3}, state[1], 1e-15);
        assertArrayEquals(new double[] {0.004996, 0.00049975}, state[2], 1e-15);
        assertArrayEquals(new double[] {0.009}, state[3], 1e-15);
        assertArrayEquals(new double[] {2.0}, state[4], 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"beta1", "beta2"})
    void refusesBetasOutsideTheUnitInterval(String key) {
        for (double beta : new double[] {-0.1, 1.0, 1.01}) {
            UserError e = assertThrows(UserError.class, () -> create(0.1, Map.of(key, beta), Quadratic.SIZES));
            assertTrue(e.getMessage().contains(key) && e.getMessage().contains(Double.toString(beta)), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0})
    void refusesNonPositiveEps(double eps) {
        UserError e = assertThrows(UserError.class, () -> create(0.1, Map.of("eps", eps), Quadratic.SIZES));
        assertTrue(e.getMessage().contains("eps") && e.getMessage().contains(Double.toString(eps)), e.getMessage());
    }

    @Test
    void refusesUnknownSettingsListingTheKnownOnes() {
        UserError e = assertThrows(UserError.class, () -> create(0.1, Map.of("momentum", 0.9), Quadratic.SIZES));
        assertTrue(e.getMessage().contains("momentum") && e.getMessage().contains("beta1, beta2, eps"),
                e.getMessage());
    }

    @Test
    void refusesANonPositiveLearningRate() {
        assertThrows(UserError.class, () -> OptimizerSettings.of(0.0));
        assertThrows(UserError.class, () -> new Adam(Quadratic.SIZES, -0.1, 0.9, 0.999, 1e-8));
    }

    @Test
    void stateRoundTripsAndResetForgets() {
        SplittableRandom rng = new SplittableRandom(11);
        Optimizer a = create(0.05, Map.of(), Quadratic.SIZES);
        double[][] theta = Quadratic.random(rng, Quadratic.SIZES, 1);
        for (int s = 0; s < 7; s++) {
            a.step(theta, Quadratic.random(rng, Quadratic.SIZES, 1));
        }
        Optimizer b = create(0.05, Map.of(), Quadratic.SIZES);
        double[][] saved = a.state();
        b.restore(saved);
        saved[4][0] = 0; // the restored copy is not shared
        double[][] thetaA = Quadratic.deepCopy(theta);
        double[][] thetaB = Quadratic.deepCopy(theta);
        for (int s = 0; s < 5; s++) {
            double[][] g = Quadratic.random(rng, Quadratic.SIZES, 1);
            a.step(thetaA, g);
            b.step(thetaB, g);
        }
        for (int k = 0; k < theta.length; k++) {
            assertArrayEquals(thetaA[k], thetaB[k], 0.0);
        }
        double[][] sa = a.state();
        double[][] sb = b.state();
        for (int k = 0; k < sa.length; k++) {
            assertArrayEquals(sa[k], sb[k], 0.0);
        }
        assertEquals(12.0, sa[4][0]);

        // after reset, the next step is a first step again
        a.reset();
        for (double[] block : a.state()) {
            assertArrayEquals(new double[block.length], block, 0.0);
        }
        Optimizer fresh = create(0.05, Map.of(), Quadratic.SIZES);
        double[][] g = Quadratic.random(rng, Quadratic.SIZES, 1);
        double[][] t1 = Quadratic.deepCopy(theta);
        double[][] t2 = Quadratic.deepCopy(theta);
        a.step(t1, g);
        fresh.step(t2, g);
        for (int k = 0; k < theta.length; k++) {
            assertArrayEquals(t2[k], t1[k], 0.0);
        }
    }

    @Test
    void restoreRefusesStateOfAnotherShape() {
        Optimizer opt = create(0.1, Map.of(), Quadratic.SIZES);
        double[][] good = opt.state();
        assertThrows(UserError.class, () -> opt.restore(new double[][] {good[0], good[1], good[2], good[3]}));
        assertThrows(UserError.class, () -> opt.restore(new double[][] {good[0], good[1], good[2], {0}, good[4]}));
        assertThrows(UserError.class, () -> opt.restore(new double[][] {good[0], good[1], good[2], good[3], {1.5}}));
        assertThrows(UserError.class, () -> opt.restore(new double[][] {good[0], good[1], good[2], good[3], {-1}}));
        assertThrows(UserError.class, () -> opt.restore(new double[][] {good[0], good[1], {0, -1, 0}, good[3], {3}}));
        opt.restore(good);
    }

    @Test
    void stepAllocatesNothing() {
        int[] sizes = {100, 10};
        Quadratic.assertStepsAllocateNothing(create(0.01, Map.of(), sizes), sizes);
    }
}
