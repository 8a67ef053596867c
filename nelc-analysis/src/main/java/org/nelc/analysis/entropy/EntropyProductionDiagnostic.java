package org.nelc.analysis.entropy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nelc.analysis.transition.LatentWeights;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.TransitionEstimate;

/**
 * {@code entropy-production}: σ of Eq. 21 under both estimates of {@code M}. Keys, for each estimator
 * {@code E} ∈ {count, rao-blackwell}: {@code sigma.E}, {@code oneWayPairs.E}, {@code twoWayPairs.E},
 * {@code weights.E} (which p̄, see {@link LatentWeights}); plus {@code units} and
 * {@code oneWayPairsHandling}.
 */
public final class EntropyProductionDiagnostic implements Diagnostic {
    public static final String NAME = "entropy-production";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "entropy production sigma (Eq. 21) from counted and Rao-Blackwellized M, with one-way pairs";
    }

    @Override
    public DiagnosticResult compute(DiagnosticContext context) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String e : LatentWeights.ESTIMATORS) {
            TransitionEstimate t = context.transitions(e);
            EntropyProduction.Result r = EntropyProduction.of(t.matrix(), LatentWeights.of(t), t.states());
            v.put("sigma." + e, r.sigma());
            v.put("oneWayPairs." + e, r.oneWayPairs());
            v.put("twoWayPairs." + e, r.twoWayPairs());
            v.put("weights." + e, LatentWeights.kind(t));
        }
        v.put("units", "nats per double step");
        v.put("oneWayPairsHandling", "skipped: a pair seen in one direction only would add +infinity; σ sums the "
                + "other pairs and is a lower bound (the Rao-Blackwellized σ has no one-way pairs)");
        return new DiagnosticResult(NAME, v);
    }
}
