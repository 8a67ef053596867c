package org.nelc.analysis.cycles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dominant cycles of a latent transition matrix (docs/model.md §7). Each state {@code z} with {@code p̄(z) > 0}
 * and an estimated row is sent to its successor {@code s(z) = argmax_{y ≠ z} M_{zy}} (ties: smallest
 * {@code y}; only such states are candidates). Following {@code s} from any state ends in a cycle; the
 * distinct cycles are reported with their net flux (see {@link Cycle#flux()}, currents
 * {@code J_{z'z} = p̄(z') M_{z'z}}).
 *
 * <p>The structure is <em>clean</em> when there is exactly one cycle, it passes through every state
 * considered, and its flux is positive: the "nearly deterministic cycle through the digit prototypes"
 * of the paper's best runs. When it is not, {@link #longest()} and {@link #coverage()} say what is left of
 * it: the longest <em>circulating</em> cycle (length ≥ 3, positive flux — a 2-cycle's two currents are
 * opposite, so it never circulates) and the fraction of the states that lie on circulating cycles. A
 * cycle broken into sub-cycles has coverage near 1 and a longest cycle shorter than the states; a
 * vanished one has coverage 0.
 *
 * @param successor {@code s(z)}, or {@code -1} for a state not considered
 * @param cycles the cycles, ordered by decreasing flux
 * @param states the number of states considered
 * @param clean one cycle through all considered states with positive flux
 */
public record DominantCycles(int[] successor, List<Cycle> cycles, int states, boolean clean) {

    /**
     * @param m the matrix, {@code n × n} row-major
     * @param p the weights {@code p̄}
     * @param visited which rows are estimated
     * @param stateClass the class of each state, or null
     */
    public static DominantCycles find(double[] m, double[] p, int n, boolean[] visited, int[] stateClass) {
        boolean[] include = new boolean[n];
        int considered = 0;
        for (int z = 0; z < n; z++) {
            include[z] = visited[z] && p[z] > 0;
            if (include[z]) {
                considered++;
            }
        }
        int[] succ = new int[n];
        Arrays.fill(succ, -1);
        for (int z = 0; z < n; z++) {
            if (!include[z]) {
                continue;
            }
            double best = 0;
            for (int y = 0; y < n; y++) {
                if (y != z && include[y] && m[z * n + y] > best) {
                    best = m[z * n + y];
                    succ[z] = y;
                }
            }
        }
        // walk the functional graph; color 0 = new, 1 = on the current path, 2 = done
        int[] color = new int[n];
        List<Cycle> cycles = new ArrayList<>();
        int[] path = new int[n];
        for (int start = 0; start < n; start++) {
            if (!include[start] || color[start] != 0) {
                continue;
            }
            int len = 0;
            int z = start;
            while (z >= 0 && color[z] == 0) {
                color[z] = 1;
                path[len++] = z;
                z = succ[z];
            }
            if (z >= 0 && color[z] == 1) {
                int from = 0;
                while (path[from] != z) {
                    from++;
                }
                cycles.add(cycle(Arrays.copyOfRange(path, from, len), m, p, n, stateClass));
            }
            for (int k = 0; k < len; k++) {
                color[path[k]] = 2;
            }
        }
        cycles.sort((x, y) -> Double.compare(y.flux(), x.flux()));
        boolean clean = cycles.size() == 1 && cycles.get(0).length() == considered && considered > 1
                && cycles.get(0).flux() > 0;
        return new DominantCycles(succ, List.copyOf(cycles), considered, clean);
    }

    /** A cycle that carries a net current: length ≥ 3 and positive flux. */
    public static boolean circulates(Cycle c) {
        return c.length() >= 3 && c.flux() > 0;
    }

    /** The length of the longest circulating cycle ({@link #circulates}), 0 when none circulates. */
    public int longest() {
        int best = 0;
        for (Cycle c : cycles) {
            if (circulates(c)) {
                best = Math.max(best, c.length());
            }
        }
        return best;
    }

    /** The fraction of the considered states that lie on circulating cycles, 0 when none is considered. */
    public double coverage() {
        int on = 0;
        for (Cycle c : cycles) {
            if (circulates(c)) {
                on += c.length();
            }
        }
        return states == 0 ? 0 : (double) on / states;
    }

    private static Cycle cycle(int[] raw, double[] m, double[] p, int n, int[] stateClass) {
        int k = raw.length;
        int first = 0;
        for (int j = 1; j < k; j++) {
            if (raw[j] < raw[first]) {
                first = j;
            }
        }
        int[] states = new int[k];
        int[] classes = new int[k];
        double flux = Double.POSITIVE_INFINITY;
        double minTransition = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            int z = raw[(first + j) % k];
            int y = raw[(first + j + 1) % k];
            states[j] = z;
            classes[j] = stateClass == null ? -1 : stateClass[z];
            flux = Math.min(flux, p[z] * m[z * n + y] - p[y] * m[y * n + z]);
            minTransition = Math.min(minTransition, m[z * n + y]);
        }
        return new Cycle(states, classes, flux, minTransition);
    }
}
