package org.nelc.analysis.entropy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nelc.analysis.transition.CountEstimator;
import org.nelc.analysis.transition.LatentWeights;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.api.diagnostic.TransitionEstimate;

/**
 * {@code entropy-production}: σ of Eq. 21 under both estimates of {@code M}. Measurements, for each
 * estimator {@code E} ∈ {count, rao-blackwell}: {@code sigma.E} (nats per double step; the counted one,
 * with one-way pairs, notes that it is a lower bound and what the skipped pairs add at least, and its error
 * is widened for them: {@link EntropyProduction#withSkippedPairs}); and {@code one-way-pairs.count}. Details: {@code twoWayPairs.E},
 * {@code oneWayPairs.E}, {@code weights.E} (which p̄, see {@link LatentWeights}), {@code oneWayPairsHandling}.
 */
public final class EntropyProductionDiagnostic implements Diagnostic {
    public static final String NAME = "entropy-production";
    public static final String UNIT = "nats/double step";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "entropy production sigma (Eq. 21) from counted and Rao-Blackwellized M, with one-way pairs";
    }

    /** The key of σ under {@code estimator}. */
    public static String sigmaKey(String estimator) {
        return "sigma." + estimator;
    }

    @Override
    public DiagnosticResult compute(DiagnosticContext context) {
        List<Measurement> out = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        int countOneWay = 0;
        for (String e : LatentWeights.ESTIMATORS) {
            TransitionEstimate t = context.transitions(e);
            EntropyProduction.Result r = of(t);
            Measurement sigma = context.measure(e, sigmaKey(e), "σ, " + label(e), UNIT,
                    x -> of(x).sigma());
            if (r.oneWayPairs() > 0 && CountEstimator.NAME.equals(e)) {
                // counted transitions: the skipped pairs' reverse flows are unresolved (< ~3/T), which the
                // batch jackknife cannot see; say what they add at least and widen the error for them
                sigma = EntropyProduction.withSkippedPairs(sigma, t.matrix(), LatentWeights.of(t), t.states(),
                        t.samples());
            } else if (r.oneWayPairs() > 0) {
                sigma = sigma.withNote(r.oneWayPairs() + " one-way pair(s) skipped: a lower bound");
            }
            out.add(sigma);
            if (CountEstimator.NAME.equals(e)) {
                countOneWay = r.oneWayPairs();
            }
            details.put("oneWayPairs." + e, r.oneWayPairs());
            details.put("twoWayPairs." + e, r.twoWayPairs());
            details.put("weights." + e, LatentWeights.kind(t));
        }
        out.add(Measurement.exact("one-way-pairs.count", "one-way pairs skipped, counted M", countOneWay, ""));
        details.put("oneWayPairsHandling", "skipped: a pair seen in one direction only would add +infinity; σ sums "
                + "the other pairs and is a lower bound (the Rao-Blackwellized σ has no one-way pairs)");
        return DiagnosticResult.of(NAME, out, details);
    }

    private static EntropyProduction.Result of(TransitionEstimate t) {
        return EntropyProduction.of(t.matrix(), LatentWeights.of(t), t.states());
    }

    /** {@code "counted M"}, {@code "Rao-Blackwellized M"}, or {@code "<name> M"} for a plugin's estimator. */
    public static String label(String estimator) {
        return switch (estimator) {
            case "count" -> "counted M";
            case "rao-blackwell" -> "Rao-Blackwellized M";
            default -> estimator + " M";
        };
    }
}
