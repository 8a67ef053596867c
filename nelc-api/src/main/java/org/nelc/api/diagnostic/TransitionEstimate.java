package org.nelc.api.diagnostic;

/**
 * An estimate of the latent transition matrix {@code M_{z'z}} (Eq. 3) over {@code states} states,
 * row-major ({@code matrix[z' * states + z]}), with the occupancy {@code p̄} used with it.
 *
 * @param estimator {@code "count"} (transitions counted on a trajectory, rows normalized) or
 *     {@code "rao-blackwell"} (exact Ā probabilities averaged over x ~ A(z')), or a plugin's name
 * @param occupancy the latent occupancy p̄ (empirical frequencies of the trajectory)
 * @param stationary the stationary vector of {@code matrix}
 * @param visited {@code visited[z']} is false for a row with no observation (its entries are 0)
 * @param samples transitions counted, or x-samples drawn per row
 */
public record TransitionEstimate(String estimator, int states, double[] matrix, double[] occupancy,
        double[] stationary, boolean[] visited, long samples) {
    public TransitionEstimate {
        if (matrix.length != states * states || occupancy.length != states || stationary.length != states
                || visited.length != states) {
            throw new IllegalArgumentException("transition estimate dimensions do not match " + states + " states");
        }
        matrix = matrix.clone();
        occupancy = occupancy.clone();
        stationary = stationary.clone();
        visited = visited.clone();
    }

    public double get(int from, int to) {
        return matrix[from * states + to];
    }

    @Override
    public double[] matrix() {
        return matrix.clone();
    }

    @Override
    public double[] occupancy() {
        return occupancy.clone();
    }

    @Override
    public double[] stationary() {
        return stationary.clone();
    }

    @Override
    public boolean[] visited() {
        return visited.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().estimator(estimator).states(states).matrix(matrix).occupancy(occupancy)
                .stationary(stationary).visited(visited).samples(samples);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private String estimator;
        private int states;
        private double[] matrix;
        private double[] occupancy;
        private double[] stationary;
        private boolean[] visited;
        private long samples;

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

        public Builder matrix(double[] v) {
            matrix = v;
            return this;
        }

        public Builder occupancy(double[] v) {
            occupancy = v;
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

        public TransitionEstimate build() {
            return new TransitionEstimate(estimator, states, matrix, occupancy, stationary, visited, samples);
        }
    }
}
