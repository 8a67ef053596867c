package org.nelc.analysis.spectrum;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nelc.analysis.transition.LatentWeights;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.TransitionEstimate;

/**
 * {@code decorrelation-time}: τ of Eq. 23 under both estimates of {@code M}. Keys, for each estimator
 * {@code E}: {@code tau.E} (double steps; {@code Infinity} when {@code |λ₂| = 1}),
 * {@code lambda2Re.E}, {@code lambda2Im.E}, {@code lambda2Abs.E}.
 */
public final class DecorrelationTimeDiagnostic implements Diagnostic {
    public static final String NAME = "decorrelation-time";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "decorrelation time tau = -1/ln|lambda2| of M (Eq. 23), counted and Rao-Blackwellized";
    }

    @Override
    public DiagnosticResult compute(DiagnosticContext context) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String e : LatentWeights.ESTIMATORS) {
            TransitionEstimate t = context.transitions(e);
            DecorrelationTime.Result r = DecorrelationTime.of(t.matrix(), t.states(), t.visited());
            v.put("tau." + e, r.tau());
            v.put("lambda2Re." + e, r.lambda2Real());
            v.put("lambda2Im." + e, r.lambda2Imaginary());
            v.put("lambda2Abs." + e, r.lambda2Modulus());
        }
        v.put("units", "double steps");
        return new DiagnosticResult(NAME, v);
    }
}
