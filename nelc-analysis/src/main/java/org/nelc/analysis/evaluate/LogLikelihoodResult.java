package org.nelc.analysis.evaluate;

import java.util.List;
import java.util.Map;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.core.likelihood.LogLikelihood;

/**
 * The precise log-likelihood (docs/model.md §6) as the first entry of an evaluation's diagnostics, so it travels
 * to every output the way every other number does. The evaluator computes it before the diagnostics
 * (its chain is their trajectory).
 */
public final class LogLikelihoodResult {
    public static final String NAME = "log-likelihood";
    public static final String PRECISE = "precise";
    public static final String DATA_SPREAD = "data-se";

    private LogLikelihoodResult() {
    }

    /**
     * Two measurements: {@code precise}, the precise LL (docs/model.md §6: the mean over the data rows of
     * {@code log p(x)} with the chain's occupancy) with the Monte-Carlo error of that occupancy
     * ({@code monteCarlo}: its standard error, method and caveat — how far another chain of the same
     * length may move it); and {@code data-se}, the spread of {@code log p(x)} over the rows divided by
     * {@code sqrt(rows)} — how much the mean would move on other data of the same law, a property of the
     * data, not an error of the chain (it is what paired comparisons of two models on the same rows need).
     */
    public static DiagnosticResult of(LogLikelihood.Summary summary, Measurement monteCarlo, int chainLength) {
        Measurement ll = monteCarlo.toBuilder().key(PRECISE).description("log-likelihood (precise)")
                .value(summary.mean()).unit("nats/image").build();
        Measurement spread = Measurement.builder().key(DATA_SPREAD).description("s.e. of the LL over the data rows")
                .value(summary.standardError()).standardError(0).unit("nats/image")
                .method("sd of log p(x) over the " + summary.points() + " rows / sqrt(rows): the data's "
                        + "spread, exact given p̄").build();
        return DiagnosticResult.of(NAME, List.of(ll, spread), Map.of("chainLength", chainLength));
    }
}
