package org.nelc.analysis.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.nelc.analysis.MockMeasures;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.TransitionEstimate;

class EntropyProductionDiagnosticTest {
    @Test
    void countUsesTheOccupancyAndRaoBlackwellTheStationaryVector() {
        double q = 0.8;
        double third = 1.0 / 3;
        double[] cyc = {0, q, 1 - q, 1 - q, 0, q, q, 1 - q, 0};
        double[] det = {0, 1, 0, 0, 0, 1, 1, 0, 0};
        double[] uniform = {third, third, third};
        boolean[] all = {true, true, true};
        DiagnosticContext ctx = MockMeasures.answering(mock(DiagnosticContext.class));
        when(ctx.transitions("count")).thenReturn(TransitionEstimate.builder().estimator("count").states(3)
                .matrix(det).occupancy(uniform).stationary(uniform).visited(all).samples(99).build());
        // occupancy deliberately wrong for the RB estimate: the stationary vector must be used
        when(ctx.transitions("rao-blackwell")).thenReturn(
                TransitionEstimate.builder().estimator("rao-blackwell").states(3).matrix(cyc)
                        .occupancy(new double[] {1, 0, 0}).stationary(uniform).visited(all).samples(10).build());
        DiagnosticResult r = new EntropyProductionDiagnostic().compute(ctx);
        assertEquals("entropy-production", r.diagnostic());
        assertEquals(0.0, r.number("sigma.count"));
        assertEquals(3, r.number("one-way-pairs.count"));
        // all three pairs one-way (J = 1/3 each, 99 transitions): the note gives the bound, the error their spread
        assertTrue(r.measurement("sigma.count").note().startsWith("3 one-way pairs skipped (lower bound)"),
                r.measurement("sigma.count").note());
        assertTrue(Double.isNaN(r.measurement("sigma.count").standardError()),
                "the mock's error is not estimated, and widening does not make it so");
        assertEquals((2 * q - 1) * Math.log(q / (1 - q)), r.number("sigma.rao-blackwell"), 1e-14);
        assertEquals(0, r.details().get("oneWayPairs.rao-blackwell"));
        assertEquals("nats/double step", r.measurement("sigma.rao-blackwell").unit());
        assertEquals("occupancy", r.details().get("weights.count"));
        assertEquals("stationary", r.details().get("weights.rao-blackwell"));
        assertEquals(true, ((String) r.details().get("oneWayPairsHandling")).startsWith("skipped"));
    }
}
