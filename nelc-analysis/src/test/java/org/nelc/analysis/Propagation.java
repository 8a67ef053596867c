package org.nelc.analysis;

import java.util.function.ToDoubleFunction;

/**
 * Test helper: first-order propagation of independent per-entry errors through a function of a
 * matrix, {@code Σ_k |∂f/∂m_k| · err_k} (a bound: the errors' signs are taken as the worst case), with
 * the derivatives by central differences.
 */
public final class Propagation {
    private Propagation() {
    }

    public static double bound(ToDoubleFunction<double[]> f, double[] m, double[] err) {
        double h = 1e-7;
        double[] x = m.clone();
        double total = 0;
        for (int k = 0; k < m.length; k++) {
            if (err[k] == 0) {
                continue;
            }
            x[k] = m[k] + h;
            double up = f.applyAsDouble(x);
            x[k] = m[k] - h;
            double down = f.applyAsDouble(x);
            x[k] = m[k];
            total += Math.abs((up - down) / (2 * h)) * err[k];
        }
        return total;
    }
}
