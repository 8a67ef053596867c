package org.nelc.analysis.spectrum;

/**
 * The mean self-transition of Eq. 24, {@code ⟨M_{zz}⟩ = Tr(M)/L}, beside the random baseline
 * {@code 1/L} (a matrix with uniform rows). {@code L} is the number of states with an estimated row
 * (all of them for a complete matrix: {@code L} one-hot states, {@code 2^L} bits states).
 */
public final class SelfTransition {
    private SelfTransition() {
    }

    /**
     * @param meanDiagonal {@code Tr(M)/L} over the rows used
     * @param baseline {@code 1/L}
     * @param states {@code L}, the rows used
     */
    public record Result(double meanDiagonal, double baseline, int states) {
        /** Whether the self-transitions are below the random baseline (the paper finds this always). */
        public boolean belowBaseline() {
            return meanDiagonal < baseline;
        }
    }

    /** Over the rows with {@code visited[z]} of {@code m} ({@code n × n}, row-major). */
    public static Result of(double[] m, int n, boolean[] visited) {
        double trace = 0;
        int k = 0;
        for (int z = 0; z < n; z++) {
            if (visited[z]) {
                trace += m[z * n + z];
                k++;
            }
        }
        return k == 0 ? new Result(Double.NaN, Double.NaN, 0) : new Result(trace / k, 1.0 / k, k);
    }

    /** Over every row. */
    public static Result of(double[] m, int n) {
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        return of(m, n, all);
    }
}
