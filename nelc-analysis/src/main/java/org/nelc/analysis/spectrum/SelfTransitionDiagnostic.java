package org.nelc.analysis.spectrum;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nelc.analysis.transition.LatentWeights;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.TransitionEstimate;

/**
 * {@code self-transition}: {@code Tr(M)/L} of Eq. 24 under both estimates, beside {@code 1/L}. Keys:
 * {@code meanDiagonal.E}, {@code baseline.E} ({@code 1/L}), {@code states.E} ({@code L}, rows used).
 */
public final class SelfTransitionDiagnostic implements Diagnostic {
    public static final String NAME = "self-transition";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "mean self-transition Tr(M)/L (Eq. 24) beside the random value 1/L";
    }

    @Override
    public DiagnosticResult compute(DiagnosticContext context) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String e : LatentWeights.ESTIMATORS) {
            TransitionEstimate t = context.transitions(e);
            SelfTransition.Result r = SelfTransition.of(t.matrix(), t.states(), t.visited());
            v.put("meanDiagonal." + e, r.meanDiagonal());
            v.put("baseline." + e, r.baseline());
            v.put("states." + e, r.states());
        }
        return new DiagnosticResult(NAME, v);
    }
}
