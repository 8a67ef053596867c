package org.nelc.analysis.transition;

import java.util.Arrays;

/**
 * The part of an estimated transition matrix that can be used as a Markov chain on its own: the
 * visited rows, each renormalized over the visited columns. A row with no observation (a state never
 * left during the trajectory: never visited, or only as its last state) has no estimate; a transition
 * into such a state cannot be followed, so its probability is dropped and the row renormalized. With a
 * long trajectory this drops at most the one final transition of the count estimate; for the
 * Rao-Blackwellized estimate over {@code 2^L} states it drops the mass {@code Ā} gives to states the
 * chain never visited. Rows left with no mass are dropped in turn, until every row sums to one.
 *
 * @param index the original state of each kept state, ascending
 * @param matrix the kept block, row-major, {@code size × size}, rows summing to one
 */
public record VisitedBlock(int[] index, double[] matrix) {
    public int size() {
        return index.length;
    }

    /** The block of {@code m} ({@code n × n}, row-major) over the states with {@code visited[z]}. */
    public static VisitedBlock of(double[] m, int n, boolean[] visited) {
        boolean[] keep = visited.clone();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int z = 0; z < n; z++) {
                if (!keep[z]) {
                    continue;
                }
                double mass = 0;
                for (int y = 0; y < n; y++) {
                    if (keep[y]) {
                        mass += m[z * n + y];
                    }
                }
                if (!(mass > 0)) {
                    keep[z] = false;
                    changed = true;
                }
            }
        }
        int k = 0;
        int[] index = new int[n];
        for (int z = 0; z < n; z++) {
            if (keep[z]) {
                index[k++] = z;
            }
        }
        index = Arrays.copyOf(index, k);
        double[] block = new double[k * k];
        for (int r = 0; r < k; r++) {
            int row = index[r] * n;
            double mass = 0;
            for (int c = 0; c < k; c++) {
                mass += m[row + index[c]];
            }
            for (int c = 0; c < k; c++) {
                block[r * k + c] = m[row + index[c]] / mass;
            }
        }
        return new VisitedBlock(index, block);
    }

    /** A vector over the kept states written back to all {@code n} states (0 elsewhere). */
    public double[] expand(double[] v, int n) {
        double[] out = new double[n];
        for (int r = 0; r < index.length; r++) {
            out[index[r]] = v[r];
        }
        return out;
    }
}
