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

class SgdTest {
    private final SgdFactory factory = new SgdFactory();

    private Optimizer create(double lr, Map<String, Double> extras, int[] sizes) {
        return factory.create(new OptimizerSettings(lr, extras), sizes);
    }

    @Test
    void defaultsToNoMomentum() {
        Sgd opt = (Sgd) create(0.1, Map.of(), Quadratic.SIZES);
        assertEquals(0.0, opt.momentum());
        assertEquals(0, opt.state().length);
        assertEquals("sgd", factory.name());
        assertEquals(Set.of("momentum"), factory.extraSettings());
    }

    /** lr 0.1 (stable: lr · max c = 1 < 2), 500 steps from θ = 0: within 1e-4 of the maximum. */
    @Test
    void climbsToTheMaximumOfAConcaveQuadratic() {
        assertTrue(Quadratic.distanceAfter(create(0.1, Map.of(), Quadratic.SIZES), 500) < 1e-4);
    }

    /** lr 0.02, momentum 0.9, 500 steps from θ = 0: within 1e-6 of the maximum. */
    @Test
    void climbsToTheMaximumWithMomentum() {
        assertTrue(Quadratic.distanceAfter(create(0.02, Map.of("momentum", 0.9), Quadratic.SIZES), 500) < 1e-6);
    }

    /** lr 0.1, g = ([2, −0.5], [4]): θ = ([1, −2], [0.5]) + 0.1 g = ([1.2, −2.05], [0.9]). */
    @Test
    void oneStepMatchesHandComputedValues() {
        Optimizer opt = create(0.1, Map.of(), new int[] {2, 1});
        double[][] theta = {{1.0, -2.0}, {0.5}};
        opt.step(theta, new double[][] {{2.0, -0.5}, {4.0}});
        assertArrayEquals(new double[] {1.2, -2.05}, theta[0], 1e-15);
        assertArrayEquals(new double[] {0.9}, theta[1], 1e-15);
    }

    /**
     * lr 0.1, momentum 0.5. Step 1: u = g = ([2, −0.5], [4]), θ = ([1.2, −2.05], [0.9]).
     * Step 2, g = ([1, 1], [−2]): u = 0.5 u + g = ([2, 0.75], [0]), θ = ([1.4, −1.975], [0.9]).
     */
    @Test
    void twoMomentumStepsMatchHandComputedValues() {
        Optimizer opt = create(0.1, Map.of("momentum", 0.5), new int[] {2, 1});
        double[][] theta = {{1.0, -2.0}, {0.5}};
        opt.step(theta, new double[][] {{2.0, -0.5}, {4.0}});
        assertArrayEquals(new double[] {1.2, -2.05}, theta[0], 1e-15);
        opt.step(theta, new double[][] {{1.0, 1.0}, {-2.0}});
        assertArrayEquals(new double[] {1.4, -1.975}, theta[0], 1e-15);
        assertArrayEquals(new double[] {0.9}, theta[1], 1e-15);
        assertArrayEquals(new double[] {2.0, 0.75}, opt.state()[0], 0.0);
        assertArrayEquals(new double[] {0.0}, opt.state()[1], 0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.5, -1e-12, 1.0, 2.0})
    void refusesMomentumOutsideTheUnitInterval(double momentum) {
        UserError e = assertThrows(UserError.class, () -> create(0.1, Map.of("momentum", momentum), Quadratic.SIZES));
        assertTrue(e.getMessage().contains("momentum") && e.getMessage().contains(Double.toString(momentum)),
                e.getMessage());
    }

    @Test
    void refusesUnknownSettingsListingTheKnownOnes() {
        UserError e = assertThrows(UserError.class, () -> create(0.1, Map.of("decay", 0.9), Quadratic.SIZES));
        assertTrue(e.getMessage().contains("decay") && e.getMessage().contains("momentum"), e.getMessage());
    }

    @Test
    void refusesANonPositiveLearningRate() {
        assertThrows(UserError.class, () -> OptimizerSettings.of(-0.1));
        assertThrows(UserError.class, () -> new Sgd(Quadratic.SIZES, 0.0, 0.0));
    }

    @Test
    void stateRoundTripsAndResetForgets() {
        SplittableRandom rng = new SplittableRandom(5);
        Map<String, Double> mu = Map.of("momentum", 0.8);
        Optimizer a = create(0.1, mu, Quadratic.SIZES);
        double[][] theta = Quadratic.random(rng, Quadratic.SIZES, 1);
        for (int s = 0; s < 7; s++) {
            a.step(theta, Quadratic.random(rng, Quadratic.SIZES, 1));
        }
        Optimizer b = create(0.1, mu, Quadratic.SIZES);
        double[][] saved = a.state();
        b.restore(saved);
        saved[1][1] = 99.0;
        double[][] thetaA = Quadratic.deepCopy(theta);
        double[][] thetaB = Quadratic.deepCopy(theta);
        for (int s = 0; s < 5; s++) {
            double[][] g = Quadratic.random(rng, Quadratic.SIZES, 1);
            a.step(thetaA, g);
            b.step(thetaB, g);
        }
        for (int k = 0; k < theta.length; k++) {
            assertArrayEquals(thetaA[k], thetaB[k], 0.0);
            assertArrayEquals(a.state()[k], b.state()[k], 0.0);
        }
        a.reset();
        for (double[] block : a.state()) {
            assertArrayEquals(new double[block.length], block, 0.0);
        }
        Optimizer plain = create(0.1, Map.of(), Quadratic.SIZES);
        plain.restore(plain.state());
    }

    @Test
    void restoreRefusesStateOfAnotherShape() {
        Optimizer withMomentum = create(0.1, Map.of("momentum", 0.9), Quadratic.SIZES);
        assertThrows(UserError.class, () -> withMomentum.restore(new double[0][]));
        assertThrows(UserError.class, () -> withMomentum.restore(new double[][] {{0, 0, 0}, {0}}));
        assertThrows(UserError.class, () -> withMomentum.restore(new double[][] {{0, 0, Double.NaN}, {0, 0}}));
        Optimizer plain = create(0.1, Map.of(), Quadratic.SIZES);
        assertThrows(UserError.class, () -> plain.restore(new double[][] {{0, 0, 0}, {0, 0}}));
    }

    @Test
    void stepAllocatesNothing() {
        int[] sizes = {100, 10};
        Quadratic.assertStepsAllocateNothing(create(0.1, Map.of(), sizes), sizes);
        Quadratic.assertStepsAllocateNothing(create(0.1, Map.of("momentum", 0.9), sizes), sizes);
    }
}
