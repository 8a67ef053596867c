package org.nelc.analysis.spectrum;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nelc.analysis.entropy.EntropyProductionDiagnostic;
import org.nelc.analysis.transition.LatentWeights;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.api.diagnostic.TransitionEstimate;

/**
 * {@code decorrelation-time}: τ of Eq. 23 under both estimates of {@code M}. Measurements, for each
 * estimator {@code E}: {@code tau.E} (double steps; {@code Infinity} when {@code |λ₂| = 1}) and
 * {@code lambda2.E} ({@code |λ₂|}). Details: {@code lambda2Re.E}, {@code lambda2Im.E}.
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

    /** The key of τ under {@code estimator}. */
    public static String tauKey(String estimator) {
        return "tau." + estimator;
    }

    @Override
    public DiagnosticResult compute(DiagnosticContext context) {
        List<Measurement> out = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        // τ and |λ₂| come from one spectrum: each estimate and jackknife replicate is decomposed once (the
        // spectrum of a 256-state bits model, by the power-iteration fallback, takes a few tenths of a second)
        Map<TransitionEstimate, DecorrelationTime.Result> spectra = new IdentityHashMap<>();
        Function<TransitionEstimate, DecorrelationTime.Result> of = t -> spectra.computeIfAbsent(t,
                DecorrelationTimeDiagnostic::of);
        for (String e : LatentWeights.ESTIMATORS) {
            DecorrelationTime.Result r = of.apply(context.transitions(e));
            String m = EntropyProductionDiagnostic.label(e);
            out.add(context.measure(e, tauKey(e), "τ, " + m, "double steps", t -> of.apply(t).tau()));
            out.add(context.measure(e, "lambda2." + e, "|λ₂|, " + m, "", t -> of.apply(t).lambda2Modulus()));
            details.put("lambda2Re." + e, r.lambda2Real());
            details.put("lambda2Im." + e, r.lambda2Imaginary());
        }
        return DiagnosticResult.of(NAME, out, details);
    }

    private static DecorrelationTime.Result of(TransitionEstimate t) {
        return DecorrelationTime.of(t.matrix(), t.states(), t.visited());
    }
}
