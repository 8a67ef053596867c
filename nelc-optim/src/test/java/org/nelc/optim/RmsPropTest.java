package org.nelc.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nelc.api.UserError;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerSettings;

class RmsPropTest {
    private final RmsPropFactory factory = new RmsPropFactory();

    private Optimizer create(double lr, Map<String, Double> extras, int[] sizes) {
        return factory.create(new OptimizerSettings(lr, extras), sizes);
    }

    @Test
    void defaultsAreThePapers() {
        RmsProp opt = (RmsProp) create(0.1, Map.of(), Quadratic.SIZES);
        assertEquals(0.9, opt.decay());
        assertEquals(1e-8, opt.eps());
        assertEquals(0.1, opt.learningRate());
        assertEquals("rmsprop", factory.name());
        assertEquals(java.util.Set.of("decay", "eps"), factory.extraSettings());
    }

    /** lr 0.05, 500 steps from θ = 0: within 1e-6 of the maximum in every coordinate. */
    @Test
    void climbsToTheMaximumOfAConcaveQuadratic() {
        assertTrue(Quadratic.distanceAfter(create(0.05, Map.of(), Quadratic.SIZES), 500) < 1e-6);
    }

    /**
     * lr 0.1, decay 0.9, eps 1e-8. Step 1, g = ([2, −0.5], [0]): v = 0.1 g² = ([0.4, 0.025], [0]);
     * θ += 0.1 g / (√v + 1e-8). Step 2, g = ([1, 0.5], [3]): v = 0.9 v + 0.1 g² = ([0.46, 0.0475], [0.9]).
     * Expected values worked out in 40-digit decimal arithmetic.
     */
    @Test
    void twoStepsMatchHandComputedValues() {
        Optimizer opt = create(0.1, Map.of(), new int[] {2, 1});
        double[][] theta = {{1.0, -2.0}, {0.5}};
        opt.step(theta, new double[][] {{2.0, -0.5}, {0.0}});
        assertArrayEquals(new double[] {1.316227761016838, -2.316227746016839}, theta[0], 1e-14);
        assertArrayEquals(new double[] {0.5}, theta[1], 0.0);
        assertArrayEquals(new double[] {0.4, 0.025}, opt.state()[0], 1e-15);
        opt.step(theta, new double[][] {{1.0, 0.5}, {3.0}});
        assertArrayEquals(new double[] {1.463669714997822, -2.086812022672593}, theta[0], 1e-14);
        assertArrayEquals(new double[] {0.8162277626835046}, theta[1], 1e-14);
        assertArrayEquals(new double[] {0.46, 0.0475}, opt.state()[0], 1e-15);
        assertArrayEquals(new double[] {0.9}, opt.state()[1], 1e-15);
    }

    /**
     * The NumPy peer, statement by statement, one whole-array operation at a time:
     * {@code v *= decay; v += (1.0 - decay) * g * g; p += lr * g / (np.sqrt(v) + eps)}.
     */
    private static void numpyStep(double[][] params, double[][] grads, double[][] v, double lr, double decay,
            double eps) {
        for (int k = 0; k < params.length; k++) {
            double[] p = params[k];
            double[] g = grads[k];
            double[] vk = v[k];
            int n = p.length;
            for (int i = 0; i < n; i++) { // v *= self.decay
                vk[i] *= decay;
            }
            double oneMinus = 1.0 - decay; // (1.0 - self.decay), a Python float
            double[] t = new double[n];
            for (int i = 0; i < n; i++) { // (1.0 - self.decay) * g
                t[i] = oneMinus * g[i];
            }
            for (int i = 0; i < n; i++) { // ... * g
                t[i] = t[i] * g[i];
            }
            for (int i = 0; i < n; i++) { // v += ...
                vk[i] += t[i];
            }
            double[] num = new double[n];
            for (int i = 0; i < n; i++) { // self.lr * g
                num[i] = lr * g[i];
            }
            double[] den = new double[n];
            for (int i = 0; i < n; i++) { // np.sqrt(v)
                den[i] = Math.sqrt(vk[i]);
            }
            for (int i = 0; i < n; i++) { // ... + self.eps
                den[i] = den[i] + eps;
            }
            for (int i = 0; i < n; i++) { // lr * g / (...)
                num[i] = num[i] / den[i];
            }
            for (int i = 0; i < n; i++) { // p += ...
                p[i] += num[i];
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.9, 0.95, 0.0, 0.37})
    void sameBitsAsTheNumpyPeerOnRandomData(double decay) {
        SplittableRandom rng = new SplittableRandom(20240611L);
        int[] sizes = {17, 1, 64, 0};
        double lr = 0.1;
        double eps = decay == 0.37 ? 3e-5 : 1e-8;
        Optimizer opt = create(lr, Map.of("decay", decay, "eps", eps), sizes);
        double[][] mine = Quadratic.random(rng, sizes, 3.0);
        double[][] peer = Quadratic.deepCopy(mine);
        double[][] peerV = Blocks.zeros(sizes);
        for (int step = 0; step < 40; step++) {
            // gradients spanning many magnitudes, so rounding differences would show
            double scale = Math.pow(10, rng.nextInt(-6, 4));
            double[][] g = Quadratic.random(rng, sizes, scale);
            opt.step(mine, g);
            numpyStep(peer, g, peerV, lr, decay, eps);
            for (int k = 0; k < sizes.length; k++) {
                assertArrayEquals(peer[k], mine[k], 0.0, "params, step " + step + " block " + k);
                assertArrayEquals(peerV[k], opt.state()[k], 0.0, "v, step " + step + " block " + k);
            }
        }
    }

    /**
     * Bits printed by NumPy 2.4 running the peer's {@code RMSprop.step} (lr 0.1, decay 0.9, eps 1e-8)
     * for three steps on p_i = (i − 2)/3, g_i = ((7919 i + 104729 s) mod 2001 − 1000)/137 (s = step).
     */
    @Test
    void sameBitsAsNumpyItself() {
        Optimizer opt = create(0.1, Map.of(), new int[] {5});
        double[][] p = new double[1][5];
        for (int i = 0; i < 5; i++) {
            p[0][i] = (i - 2) / 3.0;
        }
        double[][] g = new double[1][5];
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 5; i++) {
                g[0][i] = ((7919 * i + 104729 * s) % 2001 - 1000) / 137.0;
            }
            opt.step(p, g);
        }
        long[] expected = NUMPY_BITS;
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], Double.doubleToRawLongBits(p[0][i]), "p[" + i + "] = " + p[0][i]);
        }
    }

    private static final long[] NUMPY_BITS = {
        0xbfef2ede026c62a4L, 0xbfafb49e1ddb16f0L, 0x3fcb47ee36f913daL, 0x3fdf10fa4ee47e78L, 0x3fe843b24aaf62eaL,
    };

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.0, 1.5})
    void refusesDecayOutsideTheUnitInterval(double decay) {
        UserError e = assertThrows(UserError.class, () -> create(0.1, Map.of("decay", decay), Quadratic.SIZES));
        assertTrue(e.getMessage().contains("decay") && e.getMessage().contains(Double.toString(decay)), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1e-8})
    void refusesNonPositiveEps(double eps) {
        UserError e = assertThrows(UserError.class, () -> create(0.1, Map.of("eps", eps), Quadratic.SIZES));
        assertTrue(e.getMessage().contains("eps") && e.getMessage().contains(Double.toString(eps)), e.getMessage());
    }

    @Test
    void refusesUnknownSettingsListingTheKnownOnes() {
        UserError e = assertThrows(UserError.class, () -> create(0.1, Map.of("beta1", 0.9), Quadratic.SIZES));
        assertTrue(e.getMessage().contains("beta1") && e.getMessage().contains("decay, eps"), e.getMessage());
    }

    @Test
    void refusesANonPositiveLearningRate() {
        assertThrows(UserError.class, () -> OptimizerSettings.of(0.0));
        UserError e = assertThrows(UserError.class, () -> new RmsProp(Quadratic.SIZES, -1, 0.9, 1e-8));
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
    }

    @Test
    void stateRoundTripsAndResetForgets() {
        SplittableRandom rng = new SplittableRandom(3);
        Optimizer a = create(0.1, Map.of(), Quadratic.SIZES);
        double[][] theta = Quadratic.random(rng, Quadratic.SIZES, 1);
        for (int s = 0; s < 7; s++) {
            a.step(theta, Quadratic.random(rng, Quadratic.SIZES, 1));
        }
        double[][] saved = a.state();
        Optimizer b = create(0.1, Map.of(), Quadratic.SIZES);
        b.restore(saved);
        saved[0][0] = 1234.0; // neither the snapshot nor the restored copy is shared
        assertArrayEquals(a.state()[1], b.state()[1], 0.0);
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
    }

    @Test
    void restoreRefusesStateOfAnotherShape() {
        Optimizer opt = create(0.1, Map.of(), Quadratic.SIZES);
        assertThrows(UserError.class, () -> opt.restore(new double[][] {{0, 0, 0}}));
        assertThrows(UserError.class, () -> opt.restore(new double[][] {{0, 0, 0}, {0, 0, 0}}));
        assertThrows(UserError.class, () -> opt.restore(new double[][] {{0, 0, 0}, {0, -1}}));
        assertThrows(IllegalArgumentException.class,
                () -> opt.step(new double[][] {{0, 0, 0}, {0}}, new double[][] {{0, 0, 0}, {0}}));
    }

    @Test
    void stepAllocatesNothing() {
        Quadratic.assertStepsAllocateNothing(create(0.1, Map.of(), new int[] {100, 10}), new int[] {100, 10});
    }
}
