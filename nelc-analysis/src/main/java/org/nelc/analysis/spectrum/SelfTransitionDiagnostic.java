package org.nelc.analysis.spectrum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nelc.analysis.entropy.EntropyProductionDiagnostic;
import org.nelc.analysis.transition.LatentWeights;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.api.diagnostic.TransitionEstimate;

/**
 * {@code self-transition}: {@code Tr(M)/L} of Eq. 24 under both estimates, beside {@code 1/L}.
 * Measurements: {@code mean-diagonal.E} for each estimator {@code E}, and {@code baseline} ({@code 1/L}
 * over the rows of the Rao-Blackwellized M, i.e. every state). Details: {@code baseline.E} and
 * {@code states.E} ({@code L}, the rows used: the counted M may miss unvisited rows).
 */
public final class SelfTransitionDiagnostic implements Diagnostic {
    public static final String NAME = "self-transition";
    public static final String BASELINE = "baseline";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "mean self-transition Tr(M)/L (Eq. 24) beside the random value 1/L";
    }

    /** The key of {@code Tr(M)/L} under {@code estimator}. */
    public static String meanDiagonalKey(String estimator) {
        return "mean-diagonal." + estimator;
    }

    @Override
    public DiagnosticResult compute(DiagnosticContext context) {
        List<Measurement> out = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        for (String e : LatentWeights.ESTIMATORS) {
            SelfTransition.Result r = of(context.transitions(e));
            out.add(context.measure(e, meanDiagonalKey(e), "Tr(M)/L, " + EntropyProductionDiagnostic.label(e),
                    "", t -> of(t).meanDiagonal()));
            details.put("baseline." + e, r.baseline());
            details.put("states." + e, r.states());
        }
        out.add(Measurement.exact(BASELINE, "1/L (random self-transition)",
                of(context.transitions(RaoBlackwellEstimator.NAME)).baseline(), ""));
        return DiagnosticResult.of(NAME, out, details);
    }

    private static SelfTransition.Result of(TransitionEstimate t) {
        return SelfTransition.of(t.matrix(), t.states(), t.visited());
    }
}
