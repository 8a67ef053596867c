package org.nelc.analysis.evaluate;

import java.util.List;
import java.util.Map;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.core.likelihood.LogLikelihood;

/**
 * The precise log-likelihood (SPEC §6) as the first entry of an evaluation's diagnostics, so it travels
 * to every output the way every other number does. The evaluator computes it before the diagnostics
 * (its chain is their trajectory).
 */
public final class LogLikelihoodResult {
    public static final String NAME = "log-likelihood";
    public static final String PRECISE = "precise";
    /** How {@link #of} obtained its standard error. */
    public static final String METHOD = "mean over the data rows of log p(x) from the chain's occupancy; s.e. = their "
            + "spread / sqrt(rows) (the chain's own Monte-Carlo error is not included)";

    private LogLikelihoodResult() {
    }

    /** The result for the precise LL's mean and standard error over data rows. */
    public static DiagnosticResult of(LogLikelihood.Summary summary, int chainLength) {
        Measurement ll = new Measurement(PRECISE, "log-likelihood (precise)", summary.mean(), summary.standardError(),
                "nats/image", METHOD, "");
        return DiagnosticResult.of(NAME, List.of(ll), Map.of("chainLength", chainLength));
    }
}
