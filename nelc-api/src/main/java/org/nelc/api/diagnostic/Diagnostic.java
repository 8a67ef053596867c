package org.nelc.api.diagnostic;

import org.nelc.api.Named;

/**
 * A pure function of (model, trajectory or transition matrix, data) to named numbers: entropy
 * production, decorrelation time, class KL, cycles, … Every evaluation ({@code nelc evaluate},
 * {@code reproduce}, {@code sweep}, {@code compare}) runs every diagnostic it finds, built-in or from a
 * plugin jar, and every output — the evaluate table, {@code evaluation.json}, {@code summary.csv/json},
 * the report, {@code sweep collect} — renders the {@link Measurement}s it returns. A diagnostic that
 * throws is recorded as {@link DiagnosticResult#failed} and the rest of the evaluation is written.
 */
public interface Diagnostic extends Named {
    DiagnosticResult compute(DiagnosticContext context);
}
