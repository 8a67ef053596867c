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
}
