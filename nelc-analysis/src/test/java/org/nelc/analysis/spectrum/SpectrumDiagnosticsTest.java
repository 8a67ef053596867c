package org.nelc.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.nelc.analysis.MockMeasures;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.TransitionEstimate;

/** The decorrelation-time and self-transition diagnostics read both estimates from the context. */
class SpectrumDiagnosticsTest {
    private static DiagnosticContext context() {
        double[] twoState = {0.7, 0.3, 0.1, 0.9};
        double[] p = {0.25, 0.75};
        boolean[] all = {true, true};
        DiagnosticContext ctx = MockMeasures.answering(mock(DiagnosticContext.class));
        when(ctx.transitions("count")).thenReturn(TransitionEstimate.builder().estimator("count").states(2)
                .matrix(twoState).occupancy(p).stationary(p).visited(all).samples(1000).build());
        when(ctx.transitions("rao-blackwell")).thenReturn(
                TransitionEstimate.builder().estimator("rao-blackwell").states(2)
                        .matrix(new double[] {0.5, 0.5, 0.5, 0.5}).occupancy(p).stationary(p).visited(all).samples(10)
                        .build());
        return ctx;
    }

    @Test
    void decorrelationTime() {
        DiagnosticResult r = new DecorrelationTimeDiagnostic().compute(context());
        assertEquals(-1 / Math.log(0.6), r.number("tau.count"), 1e-12);
        assertEquals(0.6, r.number("lambda2.count"), 1e-14);
        assertEquals(0.6, (double) r.details().get("lambda2Re.count"), 1e-14);
        assertEquals(0.0, r.details().get("lambda2Im.count"));
        assertEquals(0.0, r.number("tau.rao-blackwell"), 1e-9);
    }

    @Test
    void selfTransition() {
        DiagnosticResult r = new SelfTransitionDiagnostic().compute(context());
        assertEquals(0.8, r.number("mean-diagonal.count"), 1e-15);
        assertEquals(0.5, r.details().get("baseline.count"));
        assertEquals(0.5, r.number("mean-diagonal.rao-blackwell"));
        assertEquals(0.5, r.number("baseline"));
        assertEquals(0.0, r.measurement("baseline").standardError(), "1/L is exact");
        assertEquals(2, r.details().get("states.rao-blackwell"));
    }
}
