package org.nelc.analysis.transition;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * The stationary vector {@code π M = π}, {@code Σ π = 1} of a row-stochastic matrix (the {@code p̄}
 * of Eq. 6 when {@code M} is Eq. 3's). Unvisited rows are handled by {@link VisitedBlock}: the vector
 * is computed on the visited block and is 0 on the states outside it.
 *
 * <p>Up to {@value #DIRECT_LIMIT} states it solves {@code (Mᵀ − I) π = 0} with one equation replaced by
 * the normalization (LU); above that, or when that system is singular (a reducible chain, whose
 * stationary vector is not unique), it iterates the lazy chain {@code (I + M)/2} — same stationary
 * vector, aperiodic, so a deterministic cycle converges too — from the uniform vector until the change
 * is below {@code 1e-15} per step or {@value #MAX_ITERATIONS} steps are done.
 */
public final class StationaryVector {
    static final int DIRECT_LIMIT = 512;
    static final int MAX_ITERATIONS = 200_000;

    private StationaryVector() {
    }

    /** π of {@code m} ({@code n × n}, row-major), every row used. */
    public static double[] of(double[] m, int n) {
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        return of(m, n, all);
    }

    /** π of {@code m} restricted to its visited block, 0 outside it. */
    public static double[] of(double[] m, int n, boolean[] visited) {
        VisitedBlock block = VisitedBlock.of(m, n, visited);
        if (block.size() == 0) {
            return new double[n];
        }
        return block.expand(ofStochastic(block.matrix(), block.size()), n);
    }

    /** π of a row-stochastic {@code k × k} matrix. */
    public static double[] ofStochastic(double[] m, int k) {
        if (k == 1) {
            return new double[] {1.0};
        }
        double[] pi = k <= DIRECT_LIMIT ? direct(m, k) : null;
        if (pi == null) {
            pi = lazyPowerIteration(m, k);
        }
        return pi;
    }

    /** LU solve; null when singular or when the solution is not a probability vector. */
    static double[] direct(double[] m, int k) {
        double[][] a = new double[k][k];
        for (int r = 0; r < k - 1; r++) {
            for (int c = 0; c < k; c++) {
                a[r][c] = m[c * k + r] - (r == c ? 1.0 : 0.0);
            }
        }
        Arrays.fill(a[k - 1], 1.0);
        double[] rhs = new double[k];
        rhs[k - 1] = 1.0;
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(a, false), 1e-14).getSolver();
        if (!solver.isNonSingular()) {
            return null;
        }
        RealVector x = solver.solve(new ArrayRealVector(rhs, false));
        double[] pi = x.toArray();
        double sum = 0;
        for (int z = 0; z < k; z++) {
            if (!(pi[z] > -1e-9)) {
                return null;
            }
            pi[z] = Math.max(0, pi[z]);
            sum += pi[z];
        }
        for (int z = 0; z < k; z++) {
            pi[z] /= sum;
        }
        return pi;
    }

    static double[] lazyPowerIteration(double[] m, int k) {
        double[] pi = new double[k];
        double[] next = new double[k];
        Arrays.fill(pi, 1.0 / k);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            for (int z = 0; z < k; z++) {
                next[z] = 0.5 * pi[z];
            }
            for (int r = 0; r < k; r++) {
                double p = 0.5 * pi[r];
                if (p == 0) {
                    continue;
                }
                int row = r * k;
                for (int c = 0; c < k; c++) {
                    next[c] += p * m[row + c];
                }
            }
            double sum = 0;
            for (double v : next) {
                sum += v;
            }
            double change = 0;
            for (int z = 0; z < k; z++) {
                next[z] /= sum;
                change += Math.abs(next[z] - pi[z]);
            }
            double[] t = pi;
            pi = next;
            next = t;
            if (change < 1e-15) {
                break;
            }
        }
        return pi;
    }
}
