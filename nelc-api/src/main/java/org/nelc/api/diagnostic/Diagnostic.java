package org.nelc.api.diagnostic;

import org.nelc.api.Named;

/**
 * A pure function of (model, trajectory or transition matrix, data) to named numbers: entropy
 * production, decorrelation time, class KL, cycles, … {@code nelc evaluate} runs every diagnostic it
 * finds and the report renders whatever they return.
 */
public interface Diagnostic extends Named {
    DiagnosticResult compute(DiagnosticContext context);
}
