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
        return builder().estimator(t.estimator()).states(n).matrix(rows).stationary(t.stationary())
                .visited(t.visited()).samples(t.samples()).weights(LatentWeights.kind(t)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().estimator(estimator).states(states).matrix(matrix).stationary(stationary).visited(visited)
                .samples(samples).weights(weights);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private String estimator;
        private int states;
        private double[][] matrix;
        private double[] stationary;
        private boolean[] visited;
        private long samples;
        private String weights;

        private Builder() {
        }

        public Builder estimator(String v) {
            estimator = v;
            return this;
        }

        public Builder states(int v) {
            states = v;
            return this;
        }

        public Builder matrix(double[][] v) {
            matrix = v;
            return this;
        }

        public Builder stationary(double[] v) {
            stationary = v;
            return this;
        }

        public Builder visited(boolean[] v) {
            visited = v;
            return this;
        }

        public Builder samples(long v) {
            samples = v;
            return this;
        }

        public Builder weights(String v) {
            weights = v;
            return this;
        }

        public MatrixSummary build() {
            return new MatrixSummary(estimator, states, matrix, stationary, visited, samples, weights);
        }
    }
}
