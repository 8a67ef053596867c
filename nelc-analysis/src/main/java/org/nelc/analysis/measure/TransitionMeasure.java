package org.nelc.analysis.measure;

import java.util.function.ToDoubleFunction;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.api.diagnostic.TransitionEstimate;

/**
 * A number computed from one estimate of {@code M}, as a {@link Measurement}: the built-in diagnostics
 * make every transition-based number here, so that its standard error comes from one place. The
 * error propagation over the estimate's sampling noise (issue 10) is not in yet: until it is, the
 * standard error is NaN and the method says so — never an invented error.
 */
public final class TransitionMeasure {
    /** What {@link Measurement#method()} says while the error of a transition-based number is not estimated. */
    public static final String NOT_ESTIMATED = "not yet estimated";

    private TransitionMeasure() {
    }

    /**
     * {@code f} of the {@code estimator}'s estimate of {@code M}.
     *
     * @param key the measurement's key (unique within its diagnostic)
     * @param description the table label
     * @param unit e.g. {@code "nats/double step"}; empty when dimensionless
     */
    public static Measurement of(DiagnosticContext context, String estimator, String key, String description,
            String unit, ToDoubleFunction<TransitionEstimate> f) {
        double value = f.applyAsDouble(context.transitions(estimator));
        return new Measurement(key, description, value, Double.NaN, unit, NOT_ESTIMATED, "");
    }
}
