package org.nelc.optim;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.nelc.api.optim.Optimizer;

/**
 * Test fixture: the concave objective f(θ) = −½ Σ_k c_k (θ_k − m_k)² on two blocks with curvatures
 * from 0.25 to 10, maximal (f = 0) at θ = m; plus small helpers shared by the optimizer tests.
 */
final class Quadratic {
    static final int[] SIZES = {3, 2};
    static final double[][] CURVATURE = {{1.0, 4.0, 0.25}, {10.0, 0.5}};
    static final double[][] MAXIMUM = {{1.0, -2.0, 3.0}, {0.5, -1.0}};

    private Quadratic() {}

    static double value(double[][] theta) {
        double f = 0;
        for (int k = 0; k < theta.length; k++) {
            for (int i = 0; i < theta[k].length; i++) {
                double d = theta[k][i] - MAXIMUM[k][i];
                f -= 0.5 * CURVATURE[k][i] * d * d;
            }
        }
        return f;
    }

    /** grad ← ∇f(θ) = −c (θ − m). */
    static void gradient(double[][] theta, double[][] grad) {
        for (int k = 0; k < theta.length; k++) {
            for (int i = 0; i < theta[k].length; i++) {
                grad[k][i] = -CURVATURE[k][i] * (theta[k][i] - MAXIMUM[k][i]);
            }
        }
    }

    /** Starts at θ = 0, takes {@code steps} steps and returns the largest |θ − m|. */
    static double distanceAfter(Optimizer opt, int steps) {
        double[][] theta = Blocks.zeros(SIZES);
        double[][] grad = Blocks.zeros(SIZES);
        double start = value(theta);
        for (int s = 0; s < steps; s++) {
            gradient(theta, grad);
            opt.step(theta, grad);
        }
        if (!(value(theta) > start)) {
            throw new AssertionError("the objective did not go up: " + start + " -> " + value(theta));
        }
        double worst = 0;
        for (int k = 0; k < theta.length; k++) {
            for (int i = 0; i < theta[k].length; i++) {
                worst = Math.max(worst, Math.abs(theta[k][i] - MAXIMUM[k][i]));
            }
        }
        return worst;
    }

    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k].clone();
        }
        return c;
    }

    /** Deterministic pseudo-random blocks (java.util.SplittableRandom, fixed seed), values in ±scale. */
    static double[][] random(SplittableRandom rng, int[] sizes, double scale) {
        double[][] a = new double[sizes.length][];
        for (int k = 0; k < sizes.length; k++) {
            a[k] = new double[sizes[k]];
            for (int i = 0; i < sizes[k]; i++) {
                a[k][i] = scale * (2 * rng.nextDouble() - 1);
            }
        }
        return a;
    }

    /**
     * Runs 20 000 steps after a 20 000-step warm-up and checks that the current thread allocated
     * (almost) nothing meanwhile; skipped where the JVM cannot count a thread's allocations.
     */
    static void assertStepsAllocateNothing(Optimizer opt, int[] sizes) {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported(), "thread allocation counting unsupported");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        mx.setThreadAllocatedMemoryEnabled(true);
        int steps = 20_000;
        double[][] theta = Blocks.zeros(sizes);
        double[][] grad = random(new SplittableRandom(7), sizes, 1e-3);
        for (int s = 0; s < steps; s++) {
            opt.step(theta, grad);
        }
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int s = 0; s < steps; s++) {
            opt.step(theta, grad);
        }
        long bytes = mx.getThreadAllocatedBytes(id) - before;
        Assertions.assertTrue(bytes < 1024, steps + " steps allocated " + bytes + " bytes");
    }
}
