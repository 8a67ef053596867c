package org.nelc.analysis.evaluate;

import java.util.List;
import org.nelc.analysis.cycles.Cycle;
import org.nelc.analysis.cycles.DominantCycles;
import org.nelc.analysis.entropy.EntropyProduction;
import org.nelc.analysis.spectrum.DecorrelationTime;
import org.nelc.analysis.spectrum.SelfTransition;
import org.nelc.analysis.transition.LatentWeights;
import org.nelc.api.diagnostic.TransitionEstimate;

/**
 * One estimate of {@code M} with everything derived from it: σ (Eq. 21) and its one-way pairs, τ and
 * λ₂ (Eq. 23), {@code Tr(M)/L} and {@code 1/L} (Eq. 24), and the dominant cycles.
 *
 * @param estimator {@code count} or {@code rao-blackwell}
 * @param matrix {@code M[z'][z]}
 * @param stationary the stationary vector of {@code M}
 * @param visited rows with an estimate
 * @param samples transitions counted, or draws per row
 * @param weights which {@code p̄} enters {@code J} ({@code occupancy} or {@code stationary})
 * @param sigma nats per double step, one-way pairs skipped
 * @param oneWayPairs pairs with flow in one direction only
 * @param tau double steps ({@code Infinity} when {@code |λ₂| = 1})
 * @param selfTransition {@code Tr(M)/L}
 * @param selfTransitionBaseline {@code 1/L}
 * @param cycles the dominant cycles, by decreasing flux
 * @param cleanCycle one cycle through all states, with positive flux
 * @param successor each state's dominant successor, or −1
 */
public record MatrixSummary(String estimator, int states, double[][] matrix, double[] stationary, boolean[] visited,
        long samples, String weights, double sigma, int oneWayPairs, double tau, double lambda2Re, double lambda2Im,
        double lambda2Abs, double selfTransition, double selfTransitionBaseline, List<Cycle> cycles, boolean cleanCycle,
        int[] successor) {

    /** Summarizes {@code t}; {@code stateClass} labels the cycles' states (may be null). */
    public static MatrixSummary of(TransitionEstimate t, int[] stateClass) {
        int n = t.states();
        double[] m = t.matrix();
        double[] p = LatentWeights.of(t);
        boolean[] visited = t.visited();
        EntropyProduction.Result s = EntropyProduction.of(m, p, n);
        DecorrelationTime.Result tau = DecorrelationTime.of(m, n, visited);
        SelfTransition.Result st = SelfTransition.of(m, n, visited);
        DominantCycles dc = DominantCycles.find(m, p, n, visited, stateClass);
        double[][] rows = new double[n][];
        for (int z = 0; z < n; z++) {
            rows[z] = java.util.Arrays.copyOfRange(m, z * n, z * n + n);
        }
        return new MatrixSummary(t.estimator(), n, rows, t.stationary(), visited, t.samples(), LatentWeights.kind(t),
                s.sigma(), s.oneWayPairs(), tau.tau(), tau.lambda2Real(), tau.lambda2Imaginary(), tau.lambda2Modulus(),
                st.meanDiagonal(), st.baseline(), dc.cycles(), dc.clean(), dc.successor());
    }
}
