package org.nelc.analysis.cycles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nelc.analysis.classes.ClassAssignment;
import org.nelc.analysis.entropy.EntropyProductionDiagnostic;
import org.nelc.analysis.entropy.ProbabilityCurrents;
import org.nelc.analysis.transition.CountEstimator;
import org.nelc.analysis.transition.LatentWeights;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.api.diagnostic.TransitionEstimate;

/**
 * {@code cycles}: the dominant cycles under both estimates of {@code M}, each state labelled with its
 * class by the same rule as {@code class-kl} (when the data has labels). Measurements, for each
 * estimator {@code E}: {@code cycles.E} (how many dominant cycles) and {@code clean.E} (1 when one clean
 * cycle runs through every state, else 0), {@code longest.E} (the length of the longest circulating cycle:
 * length ≥ 3, positive flux; 0 if none) and {@code coverage.E} (the fraction of the states on circulating
 * cycles) — the last two say whether a cycle that is not clean broke into sub-cycles or vanished — all read
 * off the estimated M. Details, for each {@code E}:
 * {@code cycles.E} (list of {states, classes, flux, minTransition}), {@code clean.E},
 * {@code successor.E}, {@code currents.E} ({@code J_{z'z} − J_{zz'}} row-major, up to {@value #MAX_CURRENTS_STATES} states); plus
 * {@code stateClass} and {@code fluxDefinition}.
 */
public final class CyclesDiagnostic implements Diagnostic {
    public static final String NAME = "cycles";
    /** Above this many states the currents matrix is left out of the result (it would be states² numbers). */
    public static final int MAX_CURRENTS_STATES = 64;
    public static final String FLUX_DEFINITION = "smallest net current J(z->s(z)) - J(s(z)->z) along the cycle's "
            + "dominant steps, J(z'->z) = pbar(z') M(z',z); positive iff the whole cycle carries a net current";

    /** The key (of the measurement and of the detail) of the cycles under {@code estimator}. */
    public static String cyclesKey(String estimator) {
        return "cycles." + estimator;
    }

    /** The key (of the measurement and of the detail) of "one clean cycle" under {@code estimator}. */
    public static String cleanKey(String estimator) {
        return "clean." + estimator;
    }

    /** The key of the longest circulating cycle's length under {@code estimator}. */
    public static String longestKey(String estimator) {
        return "longest." + estimator;
    }

    /** The key of the fraction of states on circulating cycles under {@code estimator}. */
    public static String coverageKey(String estimator) {
        return "coverage." + estimator;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "probability currents and the cycles of each state's dominant successor, with their flux and classes";
    }

    @Override
    public DiagnosticResult compute(DiagnosticContext context) {
        Map<String, Object> v = new LinkedHashMap<>();
        List<Measurement> out = new ArrayList<>();
        int[] stateClass = context.data().hasLabels() ? ClassAssignment.of(context.model(), context.data(),
                context.transitions(CountEstimator.NAME).occupancy()).stateClass() : null;
        for (String e : LatentWeights.ESTIMATORS) {
            TransitionEstimate t = context.transitions(e);
            double[] p = LatentWeights.of(t);
            double[] m = t.matrix();
            DominantCycles dc = find(t, stateClass);
            List<Map<String, Object>> list = new ArrayList<>();
            for (Cycle c : dc.cycles()) {
                list.add(c.toMap());
            }
            String label = EntropyProductionDiagnostic.label(e);
            out.add(context.measure(e, cyclesKey(e), "dominant cycles, " + label, "",
                    x -> find(x, stateClass).cycles().size()));
            out.add(context.measure(e, cleanKey(e), "one clean cycle (1 = yes), " + label, "",
                    x -> find(x, stateClass).clean() ? 1 : 0));
            out.add(context.measure(e, longestKey(e), "longest circulating cycle (length >= 3, positive flux), "
                    + label, "states", x -> find(x, stateClass).longest()));
            out.add(context.measure(e, coverageKey(e), "fraction of states on circulating cycles, " + label, "",
                    x -> find(x, stateClass).coverage()));
            v.put("cycles." + e, list);
            v.put("clean." + e, dc.clean());
            v.put("successor." + e, dc.successor());
            if (t.states() <= MAX_CURRENTS_STATES) {
                v.put("currents." + e, ProbabilityCurrents.currents(m, p, t.states()));
            }
        }
        v.put("stateClass", stateClass);
        v.put("fluxDefinition", FLUX_DEFINITION);
        return DiagnosticResult.of(NAME, out, v);
    }

    private static DominantCycles find(TransitionEstimate t, int[] stateClass) {
        return DominantCycles.find(t.matrix(), LatentWeights.of(t), t.states(), t.visited(), stateClass);
    }
}
