package org.nelc.analysis.evaluate;

import org.nelc.analysis.transition.LatentWeights;
import org.nelc.api.diagnostic.TransitionEstimate;

/**
 * One estimate of {@code M} as {@code evaluation.json} keeps it (for the figures that draw the matrix):
 * the matrix and what it was estimated from. The numbers derived from it (σ, τ, {@code Tr(M)/L},
 * cycles) are the diagnostics' measurements, computed there only.
 *
 * @param estimator {@code count}, {@code rao-blackwell} or a plugin estimator's name
 * @param matrix {@code M[z'][z]}
 * @param stationary the stationary vector of {@code M}
 * @param visited rows with an estimate
 * @param samples transitions counted, or draws per row
 * @param weights which {@code p̄} enters {@code J} ({@code occupancy} or {@code stationary})
 */
public record MatrixSummary(String estimator, int states, double[][] matrix, double[] stationary, boolean[] visited,
        long samples, String weights) {

    public static MatrixSummary of(TransitionEstimate t) {
        int n = t.states();
        double[] m = t.matrix();
        double[][] rows = new double[n][];
        for (int z = 0; z < n; z++) {
            rows[z] = java.util.Arrays.copyOfRange(m, z * n, z * n + n);
        }
        return new MatrixSummary(t.estimator(), n, rows, t.stationary(), t.visited(), t.samples(),
                LatentWeights.kind(t));
    }
}
